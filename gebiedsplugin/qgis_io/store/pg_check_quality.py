"""The rows a PostGIS programme keeps for data_quality's selection (store/pg_check_rows.py): part of the check's
kept tables (store/pg_check_tables.py, from VERSION 3), current on every write.

On the database path data_quality runs in memory on the rows that may have a problem only. Finding those
rows per run meant testing every row of the programme: its columns, ST_IsValid, ST_ContainsProperly in
the city outline, and counting a million uids for the ones used twice (at a million interventions about
6 s of the selection's 8 s of server CPU). The programme keeps the answer instead:

- ``check_suspects`` (tbl, fid, city): the rows (interventions and projects) a test of their own columns
  may fail (``local``: a superset of the rule's tests, as before), ``city`` false; and the rows whose
  geometry does not lie properly inside the city outline, ``city`` true. Replaced for the rows a statement
  writes, by the tables' own sync functions (``on_rows``).
- ``check_outline`` (md5): which city outline the ``city`` rows were tested against. A write to the
  districts that changes the outline (the `city` row, else the districts together) tests every kept row
  again (``statements``: a trigger on districts); any other district write costs one outline.
- ``check_duplicate_uids`` (uid): the cleaned uids more than one intervention has, derived again for the
  uids that came, went or changed (``on_uids``, from the interventions' sync functions).

The selection then reads those rows (``selection``) instead of testing every row. Constants of the rules
(years, the amount limit) are literals here: no text of a user is part of a statement.
"""

from __future__ import annotations

from typing import Sequence

from psycopg2 import sql

from gebiedsplugin.core import plausibility, schema
from gebiedsplugin.core.rules.data_quality import MANDATORY, PROJECT_MANDATORY, YEAR_HI, YEAR_LO
from gebiedsplugin.qgis_io.store.pg_check_sql import FIXED, INTERVENTIONS, PROJECTS, SYNC_TRIGGERS, clean, row_key
from gebiedsplugin.qgis_io.store.pg_ddl import GEOMETRY, KEY

SUSPECTS, DUPLICATES, OUTLINE = "check_suspects", "check_duplicate_uids", "check_outline"
TABLES = (SUSPECTS, DUPLICATES, OUTLINE)
PARTS = ((INTERVENTIONS, schema.INTERVENTION_TABLES, MANDATORY, True),
         (PROJECTS, schema.PROJECT_TABLES, PROJECT_MANDATORY, False))


def local(fields: Sequence, quarters: bool, values: dict) -> sql.Composed:
    """A row that may fail a data_quality test of its own columns (a superset of the rule's tests, on a
    table's own columns); *values*: the years' and amount's limits (sql.Literal, or placeholders)."""
    g = sql.Identifier(GEOMETRY)
    tests = [sql.SQL("{g} IS NULL OR ST_IsEmpty({g}) OR NOT ST_IsValid({g})").format(g=g)]
    for field in fields:
        if field.type == schema.TEXT:  # a first character from '!' to '~' is no whitespace: not blank,
            # known without trimming (1.2 us a value at a million rows)
            tests.append(sql.SQL("(NOT coalesce(ascii({c}) BETWEEN 33 AND 126, false) AND {t} IS NULL)").format(
                c=sql.Identifier(field.name), t=clean(field.name)))
        else:
            tests.append(sql.SQL("{} IS NULL").format(sql.Identifier(field.name)))
    sy, ey = sql.Identifier("start_year"), sql.Identifier("end_year")
    tests += [
        sql.SQL("coalesce({y} NOT BETWEEN {lo} AND {hi}, false)").format(y=sy, **values),
        sql.SQL("coalesce({y} NOT BETWEEN {lo} AND {hi}, false)").format(y=ey, **values),
        sql.SQL("coalesce({ey} < {sy}, false)").format(sy=sy, ey=ey),
        # NaN sorts above every number in PostgreSQL: a NaN budget is a suspect (the rule finds nothing)
        sql.SQL("coalesce(budget < 0 OR budget > {max}, false)").format(**values),
    ]
    if quarters:
        sq, eq = sql.Identifier("start_quarter"), sql.Identifier("end_quarter")
        tests += [
            sql.SQL("coalesce({q} NOT BETWEEN 1 AND 4, false)").format(q=sq),
            sql.SQL("coalesce({q} NOT BETWEEN 1 AND 4, false)").format(q=eq),
            sql.SQL("coalesce({sy} = {ey} AND coalesce({sq}, 1) > coalesce({eq}, 4), false)").format(
                sy=sy, ey=ey, sq=sq, eq=eq),
        ]
    return sql.SQL(" OR ").join(tests)


LITERALS = {"lo": sql.Literal(YEAR_LO), "hi": sql.Literal(YEAR_HI), "max": sql.Literal(plausibility.AMOUNT_MAX)}
PLACEHOLDERS = {"lo": sql.Placeholder("lo"), "hi": sql.Placeholder("hi"), "max": sql.Placeholder("max")}


def city(schema_name: str) -> sql.Composed:
    """The outline data_quality tests against (core/rules/areas.Areas.city) as CTEs d and c: the `city`
    row(s), else the districts together; made valid as the rule does (FIXED). Used as one value
    ``(SELECT g FROM c)``, computed once and never stored: PostGIS then prepares it once for every test
    (a stored, compressed outline is unpacked again for each row: 55 us a point at 100k, 7 times slower)."""
    return sql.SQL(
        "d AS (SELECT {id} AS id, {fixed} AS g FROM {districts} WHERE {geom} IS NOT NULL), "
        "c AS (SELECT coalesce((SELECT ST_Union(g) FROM d WHERE id = {city}), "
        "(SELECT ST_Union(g) FROM d WHERE id <> {city})) AS g)").format(
        id=clean("district_id"), city=sql.Literal(schema.CITY_ID), fixed=FIXED,
        districts=sql.Identifier(schema_name, "districts"), geom=sql.Identifier(GEOMETRY))


OUTSIDE = sql.SQL("NOT coalesce(ST_ContainsProperly((SELECT g FROM c), k.g), false)")


def _names(tables) -> sql.Composed:
    """The table name of a kept row's number t."""
    return sql.SQL("(CASE k.t {} END)").format(sql.SQL(" ").join(
        sql.SQL("WHEN {} THEN {}").format(sql.Literal(n), sql.Literal(t)) for n, t in enumerate(tables)))


def _outside(schema_name: str, where: sql.Composable = sql.SQL("true")) -> sql.Composed:
    """(tbl, fid, true) of the kept rows meeting *where* that do not lie properly inside the outline c."""
    return sql.SQL(" UNION ALL ").join(
        sql.SQL("SELECT {tbl}, k.fid, true FROM {kept} k WHERE ({where}) AND {outside}").format(
            tbl=_names(tables), kept=sql.Identifier(schema_name, kept), where=where, outside=OUTSIDE)
        for kept, tables, _fields, _quarters in PARTS)


def _outline_md5() -> sql.SQL:
    return sql.SQL("(SELECT md5(ST_AsEWKB(g)) FROM c)")


def on_rows(schema_name: str, kept_name: str, number: int, table: str) -> dict:
    """What the sync function of programme table *table* (the *number*-th of kept table *kept_name*) runs for
    check_suspects, after it replaced the kept rows: the written rows' suspects replaced."""
    suspects = sql.Identifier(schema_name, SUSPECTS)
    _kept, _tables, fields, quarters = next(p for p in PARTS if p[0] == kept_name)
    name = sql.Literal(table)
    keys = sql.SQL("k.n IN (SELECT {} FROM gp_new)").format(row_key(sql.Identifier(KEY), sql.Literal(number)))
    new = sql.SQL(
        "INSERT INTO {s} (tbl, fid, city) WITH {city} SELECT {name}, {key}, false FROM gp_new WHERE {local} "
        "UNION ALL SELECT {name}, k.fid, true FROM {kept} k WHERE {keys} AND {outside};").format(
        s=suspects, city=city(schema_name), name=name, key=sql.Identifier(KEY),
        local=local(fields, quarters, LITERALS), kept=sql.Identifier(schema_name, kept_name), keys=keys,
        outside=OUTSIDE)
    after = sql.SQL("IF TG_OP <> 'INSERT' THEN DELETE FROM {s} WHERE tbl = {name} AND fid IN (SELECT {key} FROM "
                    "gp_old); END IF; IF TG_OP <> 'DELETE' THEN {new} END IF;").format(
        s=suspects, name=name, key=sql.Identifier(KEY), new=new)
    return {"after": after, "after_truncate": sql.SQL("DELETE FROM {} WHERE tbl = {};").format(suspects, name)}


def on_uids(schema_name: str, uids: sql.Composable) -> sql.Composed:
    """check_duplicate_uids derived again for the (coalesced) uids *uids* (a query), after the kept
    interventions changed: a uid counts when more than one intervention has it as its cleaned uid."""
    duplicates = sql.Identifier(schema_name, DUPLICATES)
    return sql.SQL("DELETE FROM {d} WHERE uid IN ({u}); INSERT INTO {d} SELECT uid FROM {k} WHERE uid IN ({u}) "
                   "AND uid0 IS NOT NULL GROUP BY uid HAVING count(*) > 1;").format(
        d=duplicates, u=uids, k=sql.Identifier(schema_name, INTERVENTIONS))


# A write to the districts: the rows outside the outline tested again only when the outline changed.
_ON_DISTRICTS = """CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $body$
DECLARE h text;
BEGIN
    WITH {city} SELECT {md5} INTO h;
    IF h IS NOT DISTINCT FROM (SELECT md5 FROM {outline}) THEN
        RETURN NULL;
    END IF;
    {again}
    RETURN NULL;
END
$body$"""


def _again(schema_name: str) -> list:
    """The city suspects tested anew against the current outline, which is recorded."""
    suspects, outline = sql.Identifier(schema_name, SUSPECTS), sql.Identifier(schema_name, OUTLINE)
    return [sql.SQL("DELETE FROM {} WHERE city").format(suspects),
            sql.SQL("INSERT INTO {} (tbl, fid, city) WITH {} {}").format(suspects, city(schema_name),
                                                                         _outside(schema_name)),
            sql.SQL("TRUNCATE {}").format(outline),
            sql.SQL("INSERT INTO {} (md5) WITH {} SELECT {}").format(outline, city(schema_name), _outline_md5())]


def statements(schema_name: str) -> list:
    """Every statement that (re)creates these tables, their indexes and the districts' trigger; safe to run
    again (the intervention and project tables' sync functions call on_rows and on_uids)."""
    suspects, duplicates = sql.Identifier(schema_name, SUSPECTS), sql.Identifier(schema_name, DUPLICATES)
    out = [sql.SQL("CREATE TABLE IF NOT EXISTS {} (tbl text NOT NULL, fid bigint NOT NULL, city boolean NOT NULL)")
           .format(suspects),
           sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} (tbl, fid)").format(sql.Identifier("ix_" + SUSPECTS), suspects),
           sql.SQL("CREATE TABLE IF NOT EXISTS {} (uid text PRIMARY KEY)").format(duplicates),
           sql.SQL("CREATE TABLE IF NOT EXISTS {} (md5 text)").format(sql.Identifier(schema_name, OUTLINE))]
    function = sql.Identifier(schema_name, "gebied_check_districts")
    again = sql.SQL(" ").join(s + sql.SQL(";") for s in _again(schema_name))
    out.append(sql.SQL(_ON_DISTRICTS).format(function=function, city=city(schema_name), md5=_outline_md5(),
                                             outline=sql.Identifier(schema_name, OUTLINE), again=again))
    districts = sql.Identifier(schema_name, "districts")
    for name, event, _referencing in SYNC_TRIGGERS:  # no transition tables: the outline is all it reads
        out.append(sql.SQL("DROP TRIGGER IF EXISTS {} ON {}").format(sql.Identifier(name), districts))
        out.append(sql.SQL("CREATE TRIGGER {} AFTER {} ON {} FOR EACH STATEMENT EXECUTE FUNCTION {}()").format(
            sql.Identifier(name), sql.SQL(event), districts, function))
    return out


def fresh(schema_name: str) -> sql.Composed:
    """Every suspect computed anew from the programme's rows and the kept rows (tbl, fid, city)."""
    local_rows = [sql.SQL("SELECT {name}, {key}, false FROM {table} WHERE {local}").format(
        name=sql.Literal(table), key=sql.Identifier(KEY), table=sql.Identifier(schema_name, table),
        local=local(fields, quarters, LITERALS))
        for _kept, tables, fields, quarters in PARTS for table in tables]
    return sql.SQL("WITH {} {} UNION ALL {}").format(city(schema_name), sql.SQL(" UNION ALL ").join(local_rows),
                                                     _outside(schema_name))


def duplicates(schema_name: str) -> sql.Composed:
    """Every cleaned uid more than one kept intervention has."""
    return sql.SQL("SELECT uid FROM {} WHERE uid0 IS NOT NULL GROUP BY uid HAVING count(*) > 1").format(
        sql.Identifier(schema_name, INTERVENTIONS))


def fill(schema_name: str) -> list:
    """Statements that fill these tables anew (after the kept interventions and projects are filled)."""
    suspects, dup = sql.Identifier(schema_name, SUSPECTS), sql.Identifier(schema_name, DUPLICATES)
    outline = sql.Identifier(schema_name, OUTLINE)
    return [sql.SQL("TRUNCATE {}, {}, {}").format(suspects, dup, outline),
            sql.SQL("INSERT INTO {} (tbl, fid, city) {}").format(suspects, fresh(schema_name)),
            sql.SQL("INSERT INTO {} {}").format(dup, duplicates(schema_name)),
            sql.SQL("INSERT INTO {} (md5) WITH {} SELECT {}").format(outline, city(schema_name), _outline_md5()),
            sql.SQL("ANALYZE {}").format(suspects), sql.SQL("ANALYZE {}").format(dup)]


def selection(schema_name: str) -> sql.Composed:
    """(tbl, fid) of every row data_quality needs, from the kept tables: the suspects and every intervention
    of a uid used more than once (their findings name how many)."""
    return sql.SQL("SELECT tbl, fid FROM {s} UNION ALL SELECT i.tbl, i.fid FROM {d} d JOIN {k} i ON i.uid = d.uid "
                   "AND i.uid0 IS NOT NULL").format(
        s=sql.Identifier(schema_name, SUSPECTS), d=sql.Identifier(schema_name, DUPLICATES),
        k=sql.Identifier(schema_name, INTERVENTIONS))
