"""DDL of a programme in a PostgreSQL/PostGIS schema, generated from the declarative schema.

Every identifier goes through ``psycopg2.sql.Identifier`` and every number through
``sql.Literal``: no text from a user is ever pasted into SQL. Besides the tables of ``core.schema``
a PostGIS programme has an ``audit_log`` table, a ``version`` column on the interventions tables
and two triggers on them: optimistic locking (``row_guard``) and the audit trail (``audit``).
"""

from __future__ import annotations

import re

from psycopg2 import sql

from gebiedsplugin.core import schema

KEY = "fid"
GEOMETRY = "geom"
VERSION = "version"
USER_SETTING = "gebiedsplugin.user"  # set per session by the plugin to name the planner

PG_TYPES = {
    schema.TEXT: "text",
    schema.INTEGER: "integer",
    schema.REAL: "double precision",
    schema.BOOLEAN: "boolean",
    schema.DATETIME: "timestamptz",
}
# Lines and polygons are stored as multi-geometries, as in the GeoPackage.
PG_GEOMETRY = {"point": "Point", "line": "MultiLineString", "polygon": "MultiPolygon",
               "multipolygon": "MultiPolygon"}

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

UNIQUE = [(t, ("uid",)) for t in schema.INTERVENTION_TABLES] + [
    ("findings", ("finding_id",)), ("settings", ("key",)), ("schema_info", ("key",)),
    ("districts", ("district_id",)), ("value_lists", ("list", "code"))]
LOOKUP = [(t, "programme_code") for t in schema.PROJECT_TABLES + schema.INTERVENTION_TABLES] + [
    ("funding", "intervention_uid"), ("links", "from_uid"), ("links", "to_uid")]


def valid_schema_name(name: str) -> bool:
    """Programme schemas are plain lower-case identifiers (they are quoted anyway)."""
    return bool(_SCHEMA_NAME.match(name or ""))


def _column(field: schema.Field) -> sql.Composed:
    parts = [sql.Identifier(field.name), sql.SQL(PG_TYPES[field.type])]
    if field.mandatory:
        parts.append(sql.SQL("NOT NULL"))
    return sql.SQL(" ").join(parts)


def create_table(schema_name: str, table: schema.Table, srid: int) -> sql.Composed:
    """CREATE TABLE for one schema table (integer key ``fid``, geometry ``geom``)."""
    items = [sql.SQL("{} serial PRIMARY KEY").format(sql.Identifier(KEY))]
    items += [_column(f) for f in table.fields]
    if table.name in schema.INTERVENTION_TABLES:
        items.append(sql.SQL("{} integer NOT NULL DEFAULT 1").format(sql.Identifier(VERSION)))
    if table.geometry:
        items.append(sql.SQL("{} geometry({}, {})").format(
            sql.Identifier(GEOMETRY), sql.SQL(PG_GEOMETRY[table.geometry]), sql.Literal(int(srid))))
    return sql.SQL("CREATE TABLE {} ({})").format(
        sql.Identifier(schema_name, table.name), sql.SQL(", ").join(items))


def create_checks(schema_name: str) -> list:
    """Range and year-order CHECK constraints, added NOT VALID after a programme's rows are in.

    Every new or changed row must satisfy them; rows brought in by a copy or import keep their
    values (a GeoPackage does not enforce these either), so the programme check can report them.
    """
    out = []
    for table in schema.TABLES:
        checks = []
        for f in table.fields:
            col = sql.Identifier(f.name)
            bounds = []
            if f.minimum is not None:
                bounds.append(sql.SQL("{} >= {}").format(col, sql.Literal(f.minimum)))
            if f.maximum is not None:
                bounds.append(sql.SQL("{} <= {}").format(col, sql.Literal(f.maximum)))
            if bounds:
                checks.append(("ck_{}_{}".format(table.name, f.name), sql.SQL(" AND ").join(bounds)))
        if {"start_year", "end_year"} <= set(table.field_names):
            checks.append(("ck_{}_years".format(table.name), sql.SQL("{} >= {}").format(
                sql.Identifier("end_year"), sql.Identifier("start_year"))))
        for name, condition in checks:
            out.append(sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} CHECK ({}) NOT VALID").format(
                sql.Identifier(schema_name, table.name), sql.Identifier(name), condition))
    return out


def create_indexes(schema_name: str) -> list:
    """GIST indexes on geometries, unique keys and lookup indexes."""
    out = []
    for table in schema.TABLES:
        if table.geometry:
            out.append(sql.SQL("CREATE INDEX {} ON {} USING GIST ({})").format(
                sql.Identifier("sx_" + table.name), sql.Identifier(schema_name, table.name),
                sql.Identifier(GEOMETRY)))
    for table_name, columns in UNIQUE:
        out.append(sql.SQL("CREATE UNIQUE INDEX {} ON {} ({})").format(
            sql.Identifier("ux_{}_{}".format(table_name, "_".join(columns))),
            sql.Identifier(schema_name, table_name), sql.SQL(", ").join(map(sql.Identifier, columns))))
    for table_name, column in LOOKUP:
        out.append(sql.SQL("CREATE INDEX {} ON {} ({})").format(
            sql.Identifier("ix_{}_{}".format(table_name, column)),
            sql.Identifier(schema_name, table_name), sql.Identifier(column)))
    return out


_AUDIT_TABLE = """CREATE TABLE {log} (
    id bigserial PRIMARY KEY,
    table_name text NOT NULL,
    uid text,
    operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    changed_by text NOT NULL,
    db_user text NOT NULL DEFAULT session_user,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    old_values jsonb,
    new_values jsonb,
    geometry_changed boolean NOT NULL DEFAULT false)"""

# Optimistic locking. An update states the version it read: unchanged (plain SQL that keeps the
# column), the same number, or its negative (what the QGIS layer's on-update default sends, so the
# provider includes the column in its UPDATE). Anything else means someone saved in between.
_ROW_GUARD = """CREATE FUNCTION {guard}() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    who text := coalesce(nullif(current_setting('gebiedsplugin.user', true), ''), session_user);
    seen integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.version := 1;
        NEW.created_at := coalesce(NEW.created_at, now());
        NEW.created_by := coalesce(NEW.created_by, who);
        NEW.modified_at := coalesce(NEW.modified_at, NEW.created_at);
        NEW.modified_by := coalesce(NEW.modified_by, NEW.created_by);
        RETURN NEW;
    END IF;
    seen := abs(coalesce(NEW.version, OLD.version));
    IF seen <> OLD.version THEN
        RAISE EXCEPTION USING ERRCODE = '40001',
            MESSAGE = format('Intervention "%s" was changed by %s at %s after you read it; '
                             'your save was refused so that nothing is overwritten. '
                             'Reload it and make your change again.',
                             coalesce(OLD.title, OLD.uid), coalesce(OLD.modified_by, '?'),
                             to_char(OLD.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"')),
            DETAIL = format('uid %s: you read version %s, the database has version %s.',
                            OLD.uid, seen, OLD.version),
            HINT = 'gebiedsplugin:conflict';
    END IF;
    NEW.version := OLD.version + 1;
    -- The planner's name: the session's gebiedsplugin.user; else what the client stamped (QGIS layers
    -- send modified_by and modified_at on every change); else, for plain SQL, the database login.
    IF coalesce(current_setting('gebiedsplugin.user', true), '') <> '' THEN
        NEW.modified_by := who;
    ELSIF NEW.modified_by IS NOT DISTINCT FROM OLD.modified_by
          AND NEW.modified_at IS NOT DISTINCT FROM OLD.modified_at THEN
        NEW.modified_by := who;
    END IF;
    NEW.modified_at := now();
    RETURN NEW;
END
$body$"""

_AUDIT = """CREATE FUNCTION {audit}() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    who text := coalesce(nullif(current_setting('gebiedsplugin.user', true), ''), session_user);
    o jsonb;
    n jsonb;
    moved boolean := false;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        o := (to_jsonb(OLD) - 'geom') || jsonb_build_object('geom_wkt', ST_AsText(OLD.geom));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        n := (to_jsonb(NEW) - 'geom') || jsonb_build_object('geom_wkt', ST_AsText(NEW.geom));
    END IF;
    IF TG_OP = 'UPDATE' THEN
        moved := OLD.geom IS DISTINCT FROM NEW.geom;
    END IF;
    IF TG_OP = 'UPDATE' AND coalesce(current_setting('gebiedsplugin.user', true), '') = '' THEN
        who := coalesce(nullif(NEW.modified_by, ''), who);  -- as stamped by the row guard
    END IF;
    INSERT INTO {log} (table_name, uid, operation, changed_by, old_values, new_values, geometry_changed)
    VALUES (TG_TABLE_NAME, coalesce(n ->> 'uid', o ->> 'uid'), TG_OP, who, o, n, moved);
    RETURN NULL;
END
$body$"""


def create_triggers(schema_name: str) -> list:
    """audit_log, the locking and audit functions and their triggers on the interventions tables."""
    log = sql.Identifier(schema_name, "audit_log")
    guard = sql.Identifier(schema_name, "gebied_row_guard")
    audit = sql.Identifier(schema_name, "gebied_audit")
    out = [
        sql.SQL(_AUDIT_TABLE).format(log=log),
        sql.SQL("CREATE INDEX {} ON {} (uid, changed_at)").format(sql.Identifier("ix_audit_log_uid"), log),
        sql.SQL(_ROW_GUARD).format(guard=guard),
        sql.SQL(_AUDIT).format(audit=audit, log=log),
    ]
    for table_name in schema.INTERVENTION_TABLES:
        target = sql.Identifier(schema_name, table_name)
        out.append(sql.SQL("CREATE TRIGGER {} BEFORE INSERT OR UPDATE ON {} FOR EACH ROW EXECUTE FUNCTION {}()")
                   .format(sql.Identifier("row_guard"), target, guard))
        out.append(sql.SQL("CREATE TRIGGER {} AFTER INSERT OR UPDATE OR DELETE ON {} FOR EACH ROW "
                           "EXECUTE FUNCTION {}()").format(sql.Identifier("audit"), target, audit))
    return out


def create_programme(schema_name: str, srid: int) -> list:
    """Every statement that creates an empty programme schema, in order."""
    out = [sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema_name))]
    out += [create_table(schema_name, t, srid) for t in schema.TABLES]
    out += create_indexes(schema_name)
    out += create_triggers(schema_name)
    return out  # then the rows, then create_checks()
