"""Schema upgrades of a PostGIS programme schema, through psycopg2 in one transaction.

The target definitions come from a freshly created programme: the store's own DDL
(``pg_ddl.create_programme`` and ``create_checks``) is run in a temporary schema inside a
savepoint, its catalog is read, and the savepoint is rolled back, so nothing of it remains.
Identifiers go through ``psycopg2.sql.Identifier``; type names, defaults, index and constraint
definitions are the ones PostgreSQL itself reports for that fresh programme.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import psycopg2
import psycopg2.errors
from psycopg2 import sql
from qgis.core import Qgis

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules.base import Cancelled
from gebiedsplugin.core.value_lists import value_list_rows
from gebiedsplugin.qgis_io.store import pg_check_tables, pg_pool
from gebiedsplugin.qgis_io.store.versions import tables_of
from gebiedsplugin.toolbelt.i18n import tr
from gebiedsplugin.toolbelt.log import log

# schema type -> (the type the store creates, accepted format_type() names when checking)
PG_TYPES = {
    schema.TEXT: ("text", {"text", "character varying"}),
    schema.INTEGER: ("integer", {"integer", "bigint", "smallint"}),
    schema.REAL: ("double precision", {"double precision", "real", "numeric"}),
    schema.BOOLEAN: ("boolean", {"boolean"}),
    schema.DATETIME: ("timestamp with time zone", {"timestamp with time zone", "timestamp without time zone"}),
}
OLD_VERSION = "version"  # the interventions' lock column of schema 1, row_version since schema 2

_COLUMNS = """SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = %s AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum"""


class Target:
    """The cursor of the upgrade transaction and the programme schema it works on."""

    def __init__(self, cur, schema_name: str):
        self.cur = cur
        self.schema = schema_name

    def table(self, name: str) -> sql.Identifier:
        return sql.Identifier(self.schema, name)


def catalog(cur, schema_name: str) -> dict:
    """table -> {column: (type, not null, default expression)} of every table in *schema_name*."""
    cur.execute(_COLUMNS, (schema_name,))
    out: dict = {}
    for table, column, ftype, notnull, default in cur.fetchall():
        out.setdefault(table, {})[column] = (ftype, notnull, default)
    return out


def columns(cur, schema_name: str) -> dict:
    """table -> {column: format_type} (what schema_check compares)."""
    return {t: {c: v[0] for c, v in cols.items()} for t, cols in catalog(cur, schema_name).items()}


def indexes(cur, schema_name: str) -> dict:
    """index name -> (table, definition) of *schema_name*."""
    cur.execute("SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = %s", (schema_name,))
    return {name: (table, text) for name, table, text in cur.fetchall()}


def checks(cur, schema_name: str) -> dict:
    """(table, constraint name) -> definition of the CHECK constraints of *schema_name*."""
    cur.execute("SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
                "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND k.contype = 'c'", (schema_name,))
    return {(t, name): text for t, name, text in cur.fetchall()}


def template(target: Target) -> dict:
    """Catalog, indexes and checks of a fresh programme, made and rolled back inside this transaction."""
    from gebiedsplugin.qgis_io.store import pg_ddl as ddl

    cur = target.cur
    name = "_gebied_template_" + uuid.uuid4().hex[:12]
    cur.execute("SELECT Find_SRID(%s, 'districts', %s)", (target.schema, ddl.GEOMETRY))
    srid = cur.fetchone()[0]
    cur.execute("SAVEPOINT gebied_template")
    try:
        for statement in ddl.create_programme(name, srid) + ddl.create_checks(name):
            cur.execute(statement)
        found = {"catalog": catalog(cur, name), "indexes": indexes(cur, name), "checks": checks(cur, name),
                 "schema": name}
    finally:
        cur.execute("ROLLBACK TO SAVEPOINT gebied_template")
        cur.execute("RELEASE SAVEPOINT gebied_template")
    return found


def _own_default(default, tmpl_schema: str):
    """A fresh table's column default, unless it points into the template schema (a serial's sequence)."""
    return None if default is None or tmpl_schema in default else default


def align_table(target: Target, tmpl: dict, name: str, fill: dict) -> list:
    """Give table *name* the columns of the fresh table: rename ``version``, add, fill, default, NOT NULL.

    *fill*: column -> SQL expression for the rows the table already has (default NULL). Returns the
    columns added or renamed ([] when the table was already complete: nothing is done).
    """
    cur, table = target.cur, target.table(name)
    wanted = tmpl["catalog"][name]
    have = catalog(cur, target.schema).get(name, {})
    lacking = [c for c in wanted if c not in have]
    if not lacking:
        return []
    cur.execute(sql.SQL("ALTER TABLE {} DISABLE TRIGGER USER").format(table))  # schema-1 triggers name old columns
    changed = []
    for column in lacking:
        ftype, notnull, default = wanted[column]
        if column == schema.ROW_VERSION and OLD_VERSION in have and OLD_VERSION not in wanted:
            cur.execute(sql.SQL("ALTER TABLE {} RENAME COLUMN {} TO {}").format(
                table, sql.Identifier(OLD_VERSION), sql.Identifier(column)))
        else:
            col = sql.Identifier(column)
            cur.execute(sql.SQL("ALTER TABLE {} ADD COLUMN {} {}").format(table, col, sql.SQL(ftype)))
            if column in fill:
                cur.execute(sql.SQL("UPDATE {} SET {} = {}").format(table, col, sql.SQL(fill[column])))
            elif notnull:
                raise ProgrammeError(tr("The upgrade has no value for the new mandatory column {}.{}.").format(
                    name, column))
        own = _own_default(default, tmpl["schema"])
        if own is None:
            cur.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT").format(table, sql.Identifier(column)))
        else:
            cur.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {}").format(
                table, sql.Identifier(column), sql.SQL(own)))
        cur.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN {} {} NOT NULL").format(
            table, sql.Identifier(column), sql.SQL("SET" if notnull else "DROP")))
        changed.append(column)
    cur.execute(sql.SQL("ALTER TABLE {} ENABLE TRIGGER USER").format(table))
    return changed


def add_missing_indexes_and_checks(target: Target, tmpl: dict) -> list:
    """Create the indexes and CHECK constraints of a fresh programme that this schema lacks; their names."""
    cur = target.cur
    made = []
    present = indexes(cur, target.schema)
    tables = catalog(cur, target.schema)  # a table of a later version is made by its own step
    prefix = " ON {}.".format(tmpl["schema"])
    own = " ON {}.".format(sql.Identifier(target.schema).as_string(cur))
    for name, (table, text) in sorted(tmpl["indexes"].items()):
        if name not in present and prefix in text and table in tables:
            cur.execute(text.replace(prefix, own, 1))
            made.append(name)
    present_checks = checks(cur, target.schema)
    for (table, name), text in sorted(tmpl["checks"].items()):
        if (table, name) not in present_checks and table in tables:
            cur.execute(sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} {}").format(
                target.table(table), sql.Identifier(name), sql.SQL(text)))
            made.append(name)
    return made


def step_2(target: Target, info: dict) -> None:
    """1 -> 2: version -> row_version; row_version (1), uid (UUIDs), modified_at/by where missing; guards."""
    from gebiedsplugin.qgis_io.store import pg_guards

    fill = {schema.ROW_VERSION: "1", "uid": "gen_random_uuid()::text",
            "modified_at": "now()", "created_at": "now()",
            "modified_by": "'migration'", "created_by": "'migration'"}
    tmpl = template(target)
    present = catalog(target.cur, target.schema)
    for table in schema.TABLES:
        if table.name in present:  # tables of later versions are made by their own step
            align_table(target, tmpl, table.name, fill)
    add_missing_indexes_and_checks(target, tmpl)
    pg_guards.install(target.cur, target.schema, [t for t in schema.VERSIONED_TABLES if t in present])


def create_missing_table(target: Target, name: str) -> bool:
    """Create table *name* as a fresh programme has it (its indexes, checks and guards come after);
    False when it exists already."""
    from gebiedsplugin.qgis_io.store import pg_ddl as ddl

    if name in catalog(target.cur, target.schema):
        return False
    target.cur.execute("SELECT Find_SRID(%s, 'districts', %s)", (target.schema, ddl.GEOMETRY))
    target.cur.execute(ddl.create_table(target.schema, schema.table(name), target.cur.fetchone()[0]))
    return True


def add_missing_value_codes(target: Target) -> int:
    """Insert the value-list codes of the current schema that the programme lacks; how many."""
    cur, table = target.cur, target.table("value_lists")
    cur.execute(sql.SQL("SELECT list, code FROM {}").format(table))
    have = set(cur.fetchall())
    rows = [row for row in value_list_rows() if row[:2] not in have]
    for row in rows:
        cur.execute(sql.SQL("INSERT INTO {} (list, code, label_en, label_nl) VALUES (%s, %s, %s, %s)").format(table),
                    row)
    return len(rows)


def step_3(target: Target, info: dict) -> None:
    """2 -> 3: quarters, indicative, contact and baseline year on interventions (NULL: whole years, not
    indicative, as before), certainty on findings (NULL: certain), table effect_measurements, the new
    value-list codes; indexes, checks and guards of the new table."""
    from gebiedsplugin.qgis_io.store import pg_guards

    tmpl = template(target)
    create_missing_table(target, "effect_measurements")
    for table in schema.TABLES:
        align_table(target, tmpl, table.name, {})
    add_missing_value_codes(target)
    add_missing_indexes_and_checks(target, tmpl)
    pg_guards.install(target.cur, target.schema)


def step_4(target: Target, info: dict) -> None:
    """3 -> 4: each uid kept unique by pg_ddl.uid_constraint instead of a unique index (QGIS no longer
    reads every uid at each new feature); the same rows stay unique."""
    from gebiedsplugin.qgis_io.store import pg_ddl as ddl

    cur, present = target.cur, catalog(target.cur, target.schema)
    for table in schema.UID_TABLES:
        if table not in present:
            continue
        name = "ux_{}_uid".format(table)
        cur.execute("SELECT 1 FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace "
                    "WHERE n.nspname = %s AND k.conname = %s AND k.contype = 'x'", (target.schema, name))
        if cur.fetchone() is None:
            cur.execute(sql.SQL("DROP INDEX IF EXISTS {}").format(sql.Identifier(target.schema, name)))
            cur.execute(ddl.uid_constraint(target.schema, table))


STEPS = {2: step_2, 3: step_3, 4: step_4}


def set_info(target: Target, key: str, value: str) -> None:
    """Insert or update one schema_info row."""
    cur, table = target.cur, target.table("schema_info")
    cur.execute(sql.SQL("UPDATE {} SET value = %s WHERE key = %s").format(table), (value, key))
    if cur.rowcount == 0:
        cur.execute(sql.SQL("INSERT INTO {} (key, value) VALUES (%s, %s)").format(table), (key, value))


def backup_name(schema_name: str, version: int, when: datetime | None = None) -> str:
    """``<schema>_v<version>_backup_<yyyymmddhhmm>``, the schema part shortened to fit 63 characters."""
    suffix = "_v{}_backup_{}".format(version, (when or datetime.now()).strftime("%Y%m%d%H%M"))
    return schema_name[:63 - len(suffix)] + suffix


def backup_schema(target: Target, name: str) -> str:
    """Copy every table of the programme (columns, NOT NULL, indexes, rows) into a new schema *name*.

    No triggers, functions, defaults or CHECKs: a snapshot to read or restore from, not a programme
    to edit. Returns the name used (with a number added when *name* exists).
    """
    cur = target.cur
    base, n = name, 1
    while True:
        cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (name,))
        if cur.fetchone() is None:
            break
        n += 1
        name = "{}_{}".format(base[:60], n)
    cur.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
    cur.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY c.relname", (target.schema,))
    for (table,) in cur.fetchall():
        source, copy = target.table(table), sql.Identifier(name, table)
        cur.execute(sql.SQL("CREATE TABLE {} (LIKE {} INCLUDING INDEXES INCLUDING COMMENTS INCLUDING STORAGE)")
                    .format(copy, source))
        cur.execute(sql.SQL("INSERT INTO {} SELECT * FROM {}").format(copy, source))
    return name


def upgrade(store, backup: str | None, run_steps, cancelled=lambda: False, progress=lambda _p: None) -> dict:
    """Back up (unless *backup* is None) and upgrade *store*'s schema in one transaction.

    Returns {'from': n, 'to': m, 'backup': schema name or None}; from == to when nothing was to do. Also
    makes (and fills) the tables the in-database check reads (store/pg_check_tables.py) when the
    programme lacks them, a programme of the current version included (then without a backup: only
    derived tables are added; 'check_tables': True says so). *progress(percent)* while they are filled;
    Cancelled as soon as *cancelled()* says so, also in the middle of a statement: rolled back, nothing
    changed. ProgrammeError (nothing changed) naming the schema when the login may not do it.
    """
    with store.session() as conn:  # given back rolled back unless committed here
        try:
            with pg_pool.stopped_on_cancel(conn, cancelled), conn.cursor() as cur:
                return _upgrade(conn, cur, store, backup, run_steps, _steps(cancelled, progress))
        except psycopg2.errors.LockNotAvailable:
            raise ProgrammeError(tr("{} is in use by another session; close it there and try the upgrade again.")
                                 .format(store.path)) from None
        except psycopg2.errors.InsufficientPrivilege:
            raise ProgrammeError(tr("Your login may not create tables in the schema {}, so it cannot be upgraded; "
                                    "ask who manages the database (nothing was changed).").format(
                store.schema_name)) from None
        except psycopg2.Error as e:
            raise ProgrammeError(tr("Upgrading {} failed, nothing was changed: {}").format(
                store.path, str(e).strip())) from None


def _steps(cancelled, progress):
    def done(fraction: float) -> None:
        if cancelled():  # between statements: a cancel request would find the server idle
            raise Cancelled()
        progress(100.0 * fraction)
    return done


def _upgrade(conn, cur, store, backup, run_steps, done) -> dict:
    target = Target(cur, store.schema_name)
    cur.execute("SET LOCAL lock_timeout = '10s'")
    cur.execute(sql.SQL("SELECT value FROM {} WHERE key = 'schema_version' FOR UPDATE").format(
        target.table("schema_info")))
    row = cur.fetchone()
    found = int(row[0]) if row and row[0] else 0
    if found >= schema.SCHEMA_VERSION and pg_check_tables.current(cur, target.schema):
        return {"from": found, "to": found, "backup": None}
    cur.execute(sql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(sql.SQL(", ").join(
        target.table(t) for t in tables_of(found))))
    if found >= schema.SCHEMA_VERSION:  # current, but without the check's kept tables of this version
        pg_check_tables.install(cur, target.schema, done, added=True)
        conn.commit()
        return {"from": found, "to": found, "backup": None, "check_tables": True}
    made = backup_schema(target, backup) if backup else None
    cur.execute(sql.SQL("SELECT key, value FROM {}").format(target.table("schema_info")))
    run_steps(found, target, dict(cur.fetchall()))
    # after the steps: they fill columns with triggers off
    pg_check_tables.install(cur, target.schema, done)
    conn.commit()
    return {"from": found, "to": schema.SCHEMA_VERSION, "backup": made}


def add_check_tables(store, cancelled=lambda: False) -> bool:
    """On open in QGIS (open_task) and before a check in the database (check_task.run_check: scripts and
    Processing open without the task): a current programme whose check tables are of the version before this plugin's
    (pg_check_tables.JOINS_FROM: current as far as they go, only what the version after added is missing)
    gets the rest at once (pg_check_tables.install, added: ~30 s once at a million interventions), no
    question asked: derived data, like an index, no backup. True when done. Nothing else: a programme of
    an older set or without one takes the upgrade (minutes: gebiedsplugin:upgrade_programme); a login
    that may not, or a colleague's session holding the tables, leaves it as it was (logged; the check then
    tests data_quality's rows per run, as before)."""
    try:
        with store.session() as conn:
            with pg_pool.stopped_on_cancel(conn, cancelled), conn.cursor() as cur:
                if pg_check_tables.level(cur, store.schema_name) != pg_check_tables.JOINS_FROM:
                    return False
                cur.execute("SET LOCAL lock_timeout = '2s'")
                target = Target(cur, store.schema_name)
                cur.execute(sql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(sql.SQL(", ").join(
                    target.table(t) for t in tables_of(schema.SCHEMA_VERSION))))
                pg_check_tables.install(cur, store.schema_name, added=True)
            conn.commit()
    except psycopg2.Error as e:
        log(tr("The check's tables of {} were left as they were: {}").format(store.schema_name, str(e).strip()),
            Qgis.MessageLevel.Warning)
        return False
    return True
