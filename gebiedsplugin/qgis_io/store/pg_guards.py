"""Locking and audit inside a PostGIS programme schema: two PL/pgSQL trigger functions on every
versioned table, the counterpart of ``gpkg_guards``.

``gebied_guard`` (BEFORE, per row) refuses an update that does not bump ``row_version`` by one, a delete of
a row not marked with its negated next version, and an insert with a version below 1, naming the
row, who changed it and when (SQLSTATE 40001, hint ``gebiedsplugin:conflict``). ``gebied_audit``
(AFTER, once per statement over its transition tables) records every insert, change and delete in
``audit_log``; *who* is the session's ``gebiedsplugin.user`` (set per transaction by the plugin's
writer), else the row's ``modified_by``, else the database login. Identifiers go through ``psycopg2.sql``.
"""

from __future__ import annotations

from psycopg2 import sql

from gebiedsplugin.core import schema

USER_SETTING = "gebiedsplugin.user"
HINT = "gebiedsplugin:conflict"

_AUDIT_TABLE = """CREATE TABLE IF NOT EXISTS {log} (
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

_GUARD = """CREATE OR REPLACE FUNCTION {guard}() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    who text := coalesce(nullif(current_setting('gebiedsplugin.user', true), ''), session_user);
    o jsonb;
    seen integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.row_version IS NULL OR NEW.row_version < 1 THEN
            RAISE EXCEPTION USING ERRCODE = '40001', HINT = 'gebiedsplugin:conflict',
                MESSAGE = 'gebiedsplugin:refused: a new row needs row_version 1; save it through the plugin';
        END IF;
        NEW.modified_by := coalesce(NEW.modified_by, who);
        NEW.modified_at := coalesce(NEW.modified_at, now());
        IF TG_ARGV[0] = 'uid' AND to_jsonb(NEW) ->> 'uid' IS NULL THEN
            NEW := jsonb_populate_record(NEW, jsonb_build_object('uid', gen_random_uuid()::text));
        END IF;
        RETURN NEW;
    END IF;
    seen := abs(coalesce(OLD.row_version, 0));
    IF TG_OP = 'DELETE' THEN
        IF OLD.row_version IS NULL OR OLD.row_version >= 0 THEN
            o := to_jsonb(OLD);  -- only to name the row: a JSON image per row is costly
            RAISE EXCEPTION USING ERRCODE = '40001', HINT = 'gebiedsplugin:conflict',
                MESSAGE = format('gebiedsplugin:refused: "%s" (%s) may only be deleted with the row_version '
                                 'you read; delete it through the plugin',
                                 coalesce(o ->> 'title', o ->> 'name', o ->> TG_ARGV[0]), TG_TABLE_NAME);
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.row_version IS DISTINCT FROM seen + 1 AND NEW.row_version IS DISTINCT FROM -(seen + 1) THEN
        o := to_jsonb(OLD);
        RAISE EXCEPTION USING ERRCODE = '40001', HINT = 'gebiedsplugin:conflict',
            MESSAGE = format('gebiedsplugin:refused: "%s" (%s) was changed by %s at %s after you read it; '
                             'your save was refused so that nothing is overwritten',
                             coalesce(o ->> 'title', o ->> 'name', o ->> TG_ARGV[0]), TG_TABLE_NAME,
                             coalesce(OLD.modified_by, '?'),
                             to_char(OLD.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"')),
            DETAIL = format('%s %s: the database has row_version %s; a save must write %s.',
                            TG_ARGV[0], o ->> TG_ARGV[0], OLD.row_version, seen + 1);
    END IF;
    IF NEW.modified_by IS NOT DISTINCT FROM OLD.modified_by
       AND NEW.modified_at IS NOT DISTINCT FROM OLD.modified_at THEN
        NEW.modified_by := who;  -- a writer that did not stamp: name the session
        NEW.modified_at := now();
    END IF;
    RETURN NEW;
END
$body$"""

# The audit runs once per statement over its transition tables, not once per row: a save of
# 50,000 rows is one INSERT … SELECT into audit_log. Row images are built from the table's columns
# without the geometry (serialising geometries to JSON was most of a big save's time); a moved
# geometry is compared directly. An UPDATE that marks rows for deletion (negative row_version) and
# one that changes only bookkeeping columns is not logged, as before.
_AUDIT = """CREATE OR REPLACE FUNCTION {audit}() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    quiet text[] := ARRAY['row_version', 'modified_at', 'modified_by', 'geom', 'fid'];
    img text;
    loud text;
    has_geom boolean;
    who text := nullif(current_setting('gebiedsplugin.user', true), '');
BEGIN
    SELECT string_agg(format('%1$s.%2$I', '@', attname), ', ' ORDER BY attnum)
               FILTER (WHERE attname <> 'geom'),
           string_agg(format('%1$s.%2$I', '@', attname), ', ' ORDER BY attnum)
               FILTER (WHERE attname <> ALL (quiet)),
           bool_or(attname = 'geom')
      INTO img, loud, has_geom
      FROM pg_attribute WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped;
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO {log} (table_name, uid, row_fid, operation, changed_by, new_values, '
                       'geometry_changed) SELECT %L, n.%I, n.fid, %L, coalesce($1, nullif(n.modified_by, %L), '
                       'session_user), (SELECT to_jsonb(x) FROM (SELECT %s) x), false FROM new_rows n',
                       TG_TABLE_NAME, TG_ARGV[0], TG_OP, '', replace(img, '@', 'n')) USING who;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('INSERT INTO {log} (table_name, uid, row_fid, operation, changed_by, old_values, '
                       'geometry_changed) SELECT %L, o.%I, o.fid, %L, coalesce($1, nullif(o.modified_by, %L), '
                       'session_user), (SELECT to_jsonb(x) FROM (SELECT %s) x), false FROM old_rows o',
                       TG_TABLE_NAME, TG_ARGV[0], TG_OP, '', replace(img, '@', 'o')) USING who;
    ELSE
        EXECUTE format('INSERT INTO {log} (table_name, uid, row_fid, operation, changed_by, old_values, '
                       'new_values, geometry_changed) SELECT %L, n.%I, n.fid, %L, coalesce($1, nullif(n.modified_by, '
                       '%L), session_user), (SELECT to_jsonb(x) FROM (SELECT %s) x), '
                       '(SELECT to_jsonb(x) FROM (SELECT %s) x), %s FROM old_rows o JOIN new_rows n USING (fid) '
                       'WHERE n.row_version >= 0 AND (%s OR (%s) IS DISTINCT FROM (%s))',
                       TG_TABLE_NAME, TG_ARGV[0], TG_OP, '', replace(img, '@', 'o'), replace(img, '@', 'n'),
                       CASE WHEN has_geom THEN 'o.geom IS DISTINCT FROM n.geom' ELSE 'false' END,
                       CASE WHEN has_geom THEN 'o.geom IS DISTINCT FROM n.geom' ELSE 'false' END,
                       'ROW(' || replace(loud, '@', 'o') || ')', 'ROW(' || replace(loud, '@', 'n') || ')')
                USING who;
    END IF;
    RETURN NULL;
END
$body$"""

# (trigger name, event, transition tables) of the statement-level audit
_AUDIT_TRIGGERS = (
    ("gebied_audit_insert", "INSERT", "REFERENCING NEW TABLE AS new_rows"),
    ("gebied_audit_update", "UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    ("gebied_audit_delete", "DELETE", "REFERENCING OLD TABLE AS old_rows"),
)
AUDIT_TRIGGERS = tuple(name for name, _, _ in _AUDIT_TRIGGERS)


def statements(schema_name: str, tables=None) -> list:
    """Every statement that (re)creates audit_log, the functions and triggers; safe to run again.

    Also removes what schema version 1 had on the interventions tables (row_guard, audit).
    *tables*: the versioned tables to guard (default all; an upgrade step names those that exist).
    """
    log = sql.Identifier(schema_name, "audit_log")
    guard = sql.Identifier(schema_name, "gebied_guard")
    audit = sql.Identifier(schema_name, "gebied_audit")
    out = [sql.SQL(_AUDIT_TABLE).format(log=log),
           sql.SQL("ALTER TABLE {} ADD COLUMN IF NOT EXISTS row_fid bigint").format(log),
           sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} (uid, changed_at)").format(
               sql.Identifier("ix_audit_log_uid"), log)]
    for table_name in schema.INTERVENTION_TABLES:  # schema 1
        for old in ("row_guard", "audit"):
            out.append(sql.SQL("DROP TRIGGER IF EXISTS {} ON {}").format(
                sql.Identifier(old), sql.Identifier(schema_name, table_name)))
    out.append(sql.SQL("DROP FUNCTION IF EXISTS {}()").format(sql.Identifier(schema_name, "gebied_row_guard")))
    out.append(sql.SQL(_GUARD).format(guard=guard))
    out.append(sql.SQL(_AUDIT).format(audit=audit, log=log))
    for table_name in schema.VERSIONED_TABLES if tables is None else tables:
        target = sql.Identifier(schema_name, table_name)
        key = sql.Literal(schema.table(table_name).key)
        out.append(sql.SQL("DROP TRIGGER IF EXISTS gebied_audit ON {}").format(target))  # row-level, before
        out.append(sql.SQL("DROP TRIGGER IF EXISTS gebied_guard ON {}").format(target))
        out.append(sql.SQL("CREATE TRIGGER gebied_guard BEFORE INSERT OR UPDATE OR DELETE ON {} FOR EACH ROW "
                           "EXECUTE FUNCTION {}({})").format(target, guard, key))
        for name, event, transition in _AUDIT_TRIGGERS:
            out.append(sql.SQL("DROP TRIGGER IF EXISTS {} ON {}").format(sql.Identifier(name), target))
            out.append(sql.SQL("CREATE TRIGGER {} AFTER {} ON {} {} FOR EACH STATEMENT EXECUTE FUNCTION {}({})").format(
                sql.Identifier(name), sql.SQL(event), target, sql.SQL(transition), audit, key))
    return out


def install(cur, schema_name: str, tables=None) -> None:
    """Create audit_log, the trigger functions and triggers (psycopg2 cursor, caller's transaction)."""
    for statement in statements(schema_name, tables):
        cur.execute(statement)
