"""The interventions and programme projects of a PostGIS programme as the in-database check reads them,
kept in the programme's schema (``check_interventions``, ``check_projects``, and their funding rows by
intervention, ``check_funding``: store/pg_check_funding.py) and current on every write.

Each row holds the cleaned values (store/pg_check_sql.intervention_rows / project_rows: text stripped,
blank = NULL, geometry made valid, the uid ``table#fid`` when missing, the flags the rules test) under
its key n (fid and table number), with the indexes the join rules need (GiST on geometry, unique n).
The check then reads real tables (which the server may scan in parallel) instead of copying a million
rows into temporary tables on every run (about 7 s of server CPU at a million).

They are derived data, like an index: statement-level triggers on every intervention and project
table (AFTER INSERT, UPDATE, DELETE over their transition tables, and TRUNCATE) replace the rows a
statement touched, by the same SQL the check's snapshot uses, so the kept rows cannot differ from a
fresh copy; any client's write (the plugin's save, QGIS editing the layer, psql) keeps them current.
Older plugins ignore them. A writer that turns triggers off (an upgrade step filling a column) must
``fill`` afterwards; ``pg_migrate.upgrade`` does. ``schema_info.check_tables`` records the definition's
VERSION: the check uses the kept tables only when it matches (else it copies as before).
"""

from __future__ import annotations

from psycopg2 import sql

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.store import pg_check_funding as funding
from gebiedsplugin.qgis_io.store import pg_check_quality as quality
from gebiedsplugin.qgis_io.store.pg_check_sql import (
    INTERVENTIONS,
    PROJECTS,
    SYNC_TRIGGERS,
    all_rows,
    intervention_rows,
    project_rows,
    row_key,
)
from gebiedsplugin.qgis_io.store.pg_ddl import KEY

VERSION = "3"  # 2: check_funding (store/pg_check_funding.py); 3: data_quality's rows (store/pg_check_quality.py)
VERSION_NUMBER = int(VERSION)
JOINS_FROM = 2  # the join rules read the kept tables of this version on (3 only added tables)
QUALITY_FROM = 3  # data_quality's selection reads its kept rows from this version on
INFO_KEY = "check_tables"
KEPT = {INTERVENTIONS: (schema.INTERVENTION_TABLES, intervention_rows),
        PROJECTS: (schema.PROJECT_TABLES, project_rows)}

# SECURITY DEFINER: the kept rows are derived data, like an index, so a planner allowed to edit the
# programme's tables needs no rights on them (with the writer's rights, a per-table grant without the two
# kept tables made every save fail); the search path is fixed where the function is made (PostGIS's schema).
_SYNC = """CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $body$
DECLARE gone text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        {before_truncate}
        DELETE FROM {kept} WHERE t = {number};
        {after_truncate}
        {suspects_truncate}
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM {kept} WHERE n IN (SELECT {old_key} FROM gp_old);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO {kept} {rows};
    END IF;
    {after}
    {suspects}
    RETURN NULL;
END
$body$"""



def statements(schema_name: str) -> list:
    """Every statement that (re)creates the kept tables, their indexes, sync functions and triggers and
    records VERSION; safe to run again. The rows come from the triggers (a new programme) or ``fill``."""
    out = []
    for kept_name, (tables, rows) in KEPT.items():
        kept = sql.Identifier(schema_name, kept_name)
        out.append(sql.SQL("CREATE TABLE IF NOT EXISTS {} AS {} WITH NO DATA").format(
            kept, rows(0, tables[0], sql.Identifier(schema_name, tables[0]))))
        out.append(sql.SQL("CREATE UNIQUE INDEX IF NOT EXISTS {} ON {} (n)").format(
            sql.Identifier("ux_{}_n".format(kept_name)), kept))
        out.append(sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} USING GIST (g){}").format(
            sql.Identifier("sx_" + kept_name), kept, sql.SQL(" WHERE live" if kept_name == PROJECTS else "")))
        for number, table in enumerate(tables):
            function = sql.Identifier(schema_name, "gebied_check_" + table)
            parts = dict.fromkeys(("before_truncate", "after_truncate", "after"), sql.SQL(""))
            if kept_name == INTERVENTIONS:  # the funding rows and duplicates of the uids that came, went or changed
                parts = funding.on_interventions(schema_name, number, table,
                                                 lambda uids: quality.on_uids(schema_name, uids))
            rows_part = quality.on_rows(schema_name, kept_name, number, table)
            parts.update(suspects=rows_part["after"], suspects_truncate=rows_part["after_truncate"])
            out.append(sql.SQL(_SYNC).format(
                function=function, kept=kept, number=sql.Literal(number),
                old_key=row_key(sql.Identifier(KEY), sql.Literal(number)),
                rows=rows(number, table, sql.Identifier("gp_new")), **parts))
            target = sql.Identifier(schema_name, table)
            for name, event, referencing in SYNC_TRIGGERS:
                out.append(sql.SQL("DROP TRIGGER IF EXISTS {} ON {}").format(sql.Identifier(name), target))
                out.append(sql.SQL("CREATE TRIGGER {} AFTER {} ON {} {} EXECUTE FUNCTION {}()").format(
                    sql.Identifier(name), sql.SQL(event), target, sql.SQL(referencing), function))
    out += funding.statements(schema_name) + quality.statements(schema_name)
    info = sql.Identifier(schema_name, "schema_info")
    out.append(sql.SQL("DELETE FROM {} WHERE key = {}").format(info, sql.Literal(INFO_KEY)))
    out.append(sql.SQL("INSERT INTO {} (key, value) VALUES ({}, {})").format(
        info, sql.Literal(INFO_KEY), sql.Literal(VERSION)))
    return out


def fill(schema_name: str) -> list:
    """Statements that fill the kept tables anew from the programme's rows, then settle them."""
    out = []
    for kept_name, (tables, rows) in KEPT.items():
        kept = sql.Identifier(schema_name, kept_name)
        out += [sql.SQL("TRUNCATE {}").format(kept),
                sql.SQL("INSERT INTO {} {}").format(kept, all_rows(schema_name, tables, rows))]
    return out + funding.fill(schema_name) + settle(schema_name) + quality.fill(schema_name)


def settle(schema_name: str) -> list:
    """The interventions in the order of their GiST index (CLUSTER), then ANALYZE of both (the planner's
    estimates). The join rules probe the index area by area; in the programme's order each probe met rows on
    other pages (at a million, 426 MB through 128 MB of shared buffers: district_mismatch's first pass took
    11.3 s, 6.4 s clustered, 8.4 s on the per-run copy in temp buffers). Rows written later go at the end
    until the next fill (an upgrade)."""
    return [sql.SQL("CLUSTER {} USING {}").format(sql.Identifier(schema_name, INTERVENTIONS),
                                                   sql.Identifier("sx_" + INTERVENTIONS))] + [
        sql.SQL("ANALYZE {}").format(sql.Identifier(schema_name, k)) for k in (*KEPT, funding.FUNDING)]


def install(cur, schema_name: str, done=lambda _fraction: None, added: bool = False) -> None:
    """Create (or re-create) and fill the kept tables (psycopg2 cursor, caller's transaction); *done(f)*
    after each statement with the fraction done (the definitions a tenth, filling the rest). *added*: the
    programme's rows were written with its triggers on since its set was made, so a set of the version
    before (JOINS_FROM) is current as far as it goes and only gets what this version added: its functions
    anew and data_quality's tables filled (at a million interventions seconds, not minutes)."""
    made = statements(schema_name)
    filled = quality.fill(schema_name) if added and level(cur, schema_name) == JOINS_FROM else fill(schema_name)
    for n, statement in enumerate(made, 1):
        cur.execute(statement)
        done(0.1 * n / len(made))
    for n, statement in enumerate(filled, 1):
        cur.execute(statement)
        done(0.1 + 0.9 * n / len(filled))


def level(cur, schema_name: str) -> int:
    """The version of the kept tables the programme keeps (those of JOINS_FROM or later have everything the
    join rules read), 0 when none or not all of its tables."""
    cur.execute(sql.SQL("SELECT value FROM {} WHERE key = %s").format(sql.Identifier(schema_name, "schema_info")),
                (INFO_KEY,))
    row = cur.fetchone()
    found = int(row[0]) if row and str(row[0]).isdigit() else 0
    tables = (*KEPT, funding.FUNDING) if found >= JOINS_FROM else KEPT
    if found > VERSION_NUMBER or not all(_exists(cur, schema_name, k) for k in tables):
        return 0  # a later version's set is not known here: copied per run
    if found >= QUALITY_FROM and not all(_exists(cur, schema_name, k) for k in quality.TABLES):
        return JOINS_FROM
    return found


def current(cur, schema_name: str) -> bool:
    """Whether the programme keeps the tables of this VERSION."""
    return level(cur, schema_name) == VERSION_NUMBER


def _exists(cur, schema_name: str, table: str) -> bool:
    cur.execute("SELECT to_regclass(%s) IS NOT NULL", (sql.Identifier(schema_name, table).as_string(cur),))
    return bool(cur.fetchone()[0])


def kept_by(store) -> bool:
    """Whether the PostGIS programme *store* keeps the tables of this VERSION (one short query)."""
    with store.session() as conn, conn.cursor() as cur:
        return current(cur, store.schema_name)
