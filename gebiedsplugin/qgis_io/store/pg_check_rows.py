"""Which rows of a PostGIS programme the rules left in memory need (store/pg_check.read_for_rules).

On the database path the join rules run as SQL; data_quality, conflict, rest_period and
combination_chance still run in memory (core/rules), but none of them needs every row:

- the pair rules (conflict, rest_period, combination_chance) only pair works (physical, valid years,
  usable geometry) that lie within their distance of another work. ``ST_ClusterDBSCAN`` with at least 2
  members and radius "reach" (the largest of their distances plus a millimetre) keeps exactly the works
  with a neighbouring work within reach: every pair a rule can find has both its works there.
- data_quality judges each row on its own (and a uid by all rows that share it): only rows that may
  have a problem are read. The tests here are a superset of the rule's (core/rules/data_quality.py),
  never narrower: text is cleaned as the rules clean it (stripped of every character Python's strip()
  drops, blank = NULL); a geometry counts as inside the city only when it lies properly inside (not on
  the outline) the outline the rule uses (the `city` row, else the districts together), whatever the
  rule's tolerance; every other test is the rule's own.

The rules then run on those rows and find what they find on the whole programme (same ids, messages,
places): each rule's own code decides, in memory, as before. The selection is a temporary table
(``gp_keep``: table name and fid), filled in the read's own transaction. A programme that keeps the
check's tables of version 3 keeps data_quality's rows (store/pg_check_quality.py): read, not tested per
run. Only schema names and the plugin's constants are identifiers; values travel as parameters.
"""

from __future__ import annotations

from typing import List, Optional, Sequence

from psycopg2 import sql

from gebiedsplugin.core import plausibility, schema
from gebiedsplugin.core.rules.data_quality import MANDATORY, PROJECT_MANDATORY, YEAR_HI, YEAR_LO
from gebiedsplugin.qgis_io.store import pg_check_quality as quality
from gebiedsplugin.qgis_io.store.pg_check_sql import FIXED, INTERVENTIONS, clean
from gebiedsplugin.qgis_io.store.pg_check_tables import JOINS_FROM, QUALITY_FROM
from gebiedsplugin.qgis_io.store.pg_ddl import GEOMETRY, KEY

PAIR_RULES = ("conflict", "rest_period", "combination_chance")
PAIR_DISTANCES = {"conflict": "conflict_distance_m", "rest_period": "conflict_distance_m",
                  "combination_chance": "chance_distance_m"}


def _quality_suspect(fields: Sequence, quarters: bool) -> sql.Composed:
    """A row that may have a data_quality problem (a superset of the rule's tests, on a table's own
    columns; ``c`` holds the city's outline, ``dup`` the cleaned uids used more than once)."""
    inside = sql.SQL("ST_ContainsProperly((SELECT g FROM c), {})").format(sql.Identifier(GEOMETRY))
    tests = [quality.local(fields, quarters, quality.PLACEHOLDERS), sql.SQL("NOT coalesce({}, false)").format(inside)]
    if quarters:
        tests.append(sql.SQL("{} IN (SELECT k FROM dup)").format(clean("uid")))
    return sql.SQL(" OR ").join(tests)


def _dup(schema_name: str, kept: bool) -> sql.Composed:
    if kept:  # uid0 there is the cleaned uid
        keys = sql.SQL("SELECT uid0 AS k FROM {}").format(sql.Identifier(schema_name, INTERVENTIONS))
    else:
        keys = sql.SQL(" UNION ALL ").join(
            sql.SQL("SELECT {} AS k FROM {}").format(clean("uid"), sql.Identifier(schema_name, t))
            for t in schema.INTERVENTION_TABLES)
    return sql.SQL("dup AS MATERIALIZED (SELECT k FROM ({}) u WHERE k IS NOT NULL "
                   "GROUP BY k HAVING count(*) > 1)").format(keys)


def selection(schema_name: str, rules: Sequence[str], level: int = 0) -> List[sql.Composed]:
    """Statements that fill gp_keep (tbl, fid) with the rows *rules* (those left in memory) need.
    *level*: the version of the check's tables the programme keeps (store/pg_check_tables.level; 0: none).
    From 2 the works and the uids come from its cleaned interventions, made valid already; from 3 the rows
    data_quality needs are kept too (store/pg_check_quality.py). Parameters: selection_params."""
    kept = level >= JOINS_FROM
    parts = []
    if any(r in PAIR_RULES for r in rules) and kept:
        works = sql.SQL("SELECT tbl, fid, g FROM {} WHERE domain = 'physical' AND yok").format(
            sql.Identifier(schema_name, INTERVENTIONS))
    elif any(r in PAIR_RULES for r in rules):
        works = sql.SQL(" UNION ALL ").join(
            sql.SQL("SELECT {t} AS tbl, {k} AS fid, {fixed} AS g FROM {table} WHERE {domain} = 'physical' "
                    "AND start_year IS NOT NULL AND end_year IS NOT NULL AND end_year >= start_year").format(
                t=sql.Literal(t), k=sql.Identifier(KEY), fixed=FIXED, table=sql.Identifier(schema_name, t),
                domain=clean("domain"))
            for t in schema.INTERVENTION_TABLES)
    if any(r in PAIR_RULES for r in rules):
        parts.append(sql.SQL(
            "SELECT tbl, fid FROM (SELECT tbl, fid, ST_ClusterDBSCAN(g, %(reach)s, 2) OVER () AS c "
            "FROM ({}) w WHERE g IS NOT NULL) x WHERE c IS NOT NULL").format(works))
    ctes = []
    if "data_quality" in rules and level >= QUALITY_FROM:  # kept: the suspects of every table, no test per row
        parts.append(quality.selection(schema_name))
    elif "data_quality" in rules:
        ctes = [quality.city(schema_name), _dup(schema_name, kept)]
        for tables, fields, quarters in ((schema.INTERVENTION_TABLES, MANDATORY, True),
                                         (schema.PROJECT_TABLES, PROJECT_MANDATORY, False)):
            suspect = _quality_suspect(fields, quarters)
            parts += [sql.SQL("SELECT {t} AS tbl, {k} AS fid FROM {table} WHERE {suspect}").format(
                t=sql.Literal(t), k=sql.Identifier(KEY), table=sql.Identifier(schema_name, t), suspect=suspect)
                for t in tables]
    if not parts:
        body = sql.SQL("SELECT NULL::text AS tbl, NULL::integer AS fid WHERE false")
    else:
        body = sql.SQL(" UNION ALL ").join(parts)  # a row in several parts: once, by the DISTINCT below
    with_ = sql.SQL("WITH {} ").format(sql.SQL(", ").join(ctes)) if ctes else sql.SQL("")
    return [sql.SQL("CREATE TEMP TABLE gp_keep ON COMMIT DROP AS {}SELECT DISTINCT tbl::text, fid FROM ({}) s").format(
                with_, body),
            sql.SQL("CREATE INDEX ON gp_keep (tbl, fid)"), sql.SQL("ANALYZE gp_keep")]


def selection_params(reach: Optional[float]) -> dict:
    """Parameters of selection(): *reach* is the pair rules' largest distance (metres, >= 0)."""
    return {"reach": (reach or 0.0) + 0.001, "lo": YEAR_LO, "hi": YEAR_HI,
            "max": plausibility.AMOUNT_MAX}


KEPT = sql.SQL("{k} IN (SELECT fid FROM gp_keep WHERE tbl = %(table)s)").format(k=sql.Identifier(KEY))
