"""The statements of the in-database check (store/pg_check.py): fixed SQL, schema names as identifiers.

The rules read the interventions and projects with the values cleaned the way the in-memory rules clean
them (core/rules/util.py: text stripped, blank = NULL; geometry made valid,
empty = NULL; the uid ``table#fid`` when missing), indexed (GiST on geometry): kept so by the programme itself
(store/pg_check_tables.py), or, in a programme not yet upgraded, copied into temporary tables for
the check. Each join rule is one query over them. Only
rule parameters travel as values (``%(name)s``); no text of a user is part of a statement.
"""

from __future__ import annotations

from psycopg2 import sql

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.store.pg_ddl import GEOMETRY, KEY

# Every character Python's str.strip() drops (str.isspace; the highest is U+3000), as the rules
# clean text; btrim() only drops spaces unless told.
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_WS = sql.Literal(WHITESPACE)


def clean(column: str, table: str = "") -> sql.Composed:
    """The column (of *table*, when given) as the rules read text: stripped, blank = NULL. A value that
    begins and ends with a character from '!' to '~' (no whitespace) is as it is, known without the
    trim (btrim with a set of multi-byte characters measures the set again for every value: 2.4 vs
    1.8 s of server CPU for the snapshot's nine columns at a million)."""
    c = sql.Identifier(table, column) if table else sql.Identifier(column)
    return sql.SQL("CASE WHEN ascii({c}) BETWEEN 33 AND 126 AND ascii(right({c}, 1)) BETWEEN 33 AND 126 THEN {c} "
                   "ELSE nullif(btrim({c}, {ws}), '') END").format(c=c, ws=_WS)


# Geometry as the rules test it: valid as stored, else made valid (GEOS's linework method, as shapely's
# make_valid); absent or empty = NULL. Plain SQL: a plpgsql function with an exception block would be
# a subtransaction per row.
FIXED = sql.SQL("CASE WHEN {g} IS NULL OR ST_IsEmpty({g}) THEN NULL WHEN ST_IsValid({g}) THEN {g} "
                "ELSE (SELECT CASE WHEN ST_IsEmpty(v) THEN NULL ELSE v END FROM (SELECT ST_MakeValid({g}) AS v) x) "
                "END").format(
    g=sql.Identifier(GEOMETRY))

# For this transaction only: no JIT (its estimates over temporary tables made it compile 1-2 s per
# query, more than many of the queries take); sorts and hashes of a million rows in memory, not
# spilled to disk in 4 MB runs; the temporary tables in the backend's own buffers (8 MB by default, so
# each probe of a million-row table went to the OS; allowed only before the session's first temporary
# table, so the check's connection is one kept for this value: store.session(TEMP_BUFFERS)).
TEMP_BUFFERS = "1GB"
SESSION = [sql.SQL("SET LOCAL jit = off"), sql.SQL("SET LOCAL work_mem = '256MB'"),
           sql.SQL("SET LOCAL temp_buffers = {}").format(sql.Literal(TEMP_BUFFERS))]

FUNCTIONS = [
    # share of g inside area a (area, length or number of points as core/rules/areas.overlaps);
    # 0 when GEOS fails on the pair, as safe_op's None does there
    sql.SQL("""CREATE FUNCTION pg_temp.gp_share(g geometry, a geometry) RETURNS float8 LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE d integer := ST_Dimension(g); x geometry; s float8;
BEGIN
  IF ST_ContainsProperly(a, g) THEN RETURN 1.0; END IF;
  x := ST_Intersection(g, a);
  IF d = 2 THEN s := ST_Area(x) / nullif(ST_Area(g), 0);
  ELSIF d = 1 THEN s := ST_Length(x) / nullif(ST_Length(g), 0);
  ELSE s := ST_NumGeometries(x)::float8 / nullif(ST_NumGeometries(g), 0);
  END IF;
  s := coalesce(s, 0);
  IF d = 0 AND s <= 0 THEN RETURN 1.0; END IF;
  RETURN s;
EXCEPTION WHEN OTHERS THEN RETURN 0;
END $$"""),
]

# Where a finding about one intervention is: polygons as they are, points and lines buffered 5 m
# with 4 segments a quarter (core/rules/arrays.markers).
MARKER = sql.SQL("ST_AsBinary(CASE WHEN GeometryType(i.g) IN ('POLYGON', 'MULTIPOLYGON') THEN i.g "
                 "ELSE ST_Buffer(i.g, 5, 'quad_segs=4') END)")


# An intervention's or project's row number n is its table's number t and fid: n = fid * KEYS + t. Only a
# key (no rule reads its order); the same in the kept tables (store/pg_check_tables.py) and the snapshot.
KEYS = 3
# The tables a programme keeps them in, cleaned (store/pg_check_tables.py)
INTERVENTIONS, PROJECTS = "check_interventions", "check_projects"
# The statement-level triggers that keep them current (name, event, transition tables), on every table they
# derive from (store/pg_check_tables.py, store/pg_check_funding.py)
SYNC_TRIGGERS = (
    ("gebied_check_insert", "INSERT", "REFERENCING NEW TABLE AS gp_new FOR EACH STATEMENT"),
    ("gebied_check_update", "UPDATE", "REFERENCING OLD TABLE AS gp_old NEW TABLE AS gp_new FOR EACH STATEMENT"),
    ("gebied_check_delete", "DELETE", "REFERENCING OLD TABLE AS gp_old FOR EACH STATEMENT"),
    ("gebied_check_truncate", "TRUNCATE", "FOR EACH STATEMENT"),
)


def row_key(fid: sql.Composable, number: sql.Composable) -> sql.Composed:
    return sql.SQL("({}::bigint * {} + {})").format(fid, sql.Literal(KEYS), number)


def intervention_rows(number: int, table: str, source: sql.Composable) -> sql.Composed:
    """The rows of intervention table *table* (the *number*-th) read from *source* (the table, or a
    trigger's transition table of it) as the rules read them: cleaned, the uid ``table#fid`` when
    missing, the flags the rules test."""
    inner = sql.SQL(
        "SELECT {k} AS t, {tname} AS tbl, {fid} AS fid, {uid} AS uid0, {title} AS title, {domain} AS domain, "
        "{theme} AS theme, {district} AS district_id, {nbh} AS nbh, coalesce(city_wide, false) AS cw, "
        "start_year AS sy, end_year AS ey, {status} AS status, budget, {funder} AS funder, "
        "{code} AS code, coalesce(indicative, false) AS ind, {fixed} AS g FROM {source}").format(
        k=sql.Literal(number), tname=sql.Literal(table), fid=sql.Identifier(KEY), uid=clean("uid"),
        title=clean("title"), domain=clean("domain"), theme=clean("theme"), district=clean("district_id"),
        nbh=clean("neighbourhood_id"), status=clean("status"), funder=clean("funder"),
        code=clean("programme_code"), fixed=FIXED, source=source)
    return sql.SQL("SELECT {n} AS n, coalesce(uid0, tbl || '#' || fid) AS uid, s.*, "
                   "(cw OR district_id IS NOT DISTINCT FROM {city}) AS city_wide, "
                   "(sy IS NOT NULL AND ey IS NOT NULL AND ey >= sy) AS yok, "
                   "(status IS DISTINCT FROM 'cancelled') AS active FROM ({inner}) s").format(
        n=row_key(sql.SQL("s.fid"), sql.SQL("s.t")), city=sql.Literal(schema.CITY_ID), inner=inner)


def intervention_uids(number: int, table: str, source: sql.Composable) -> sql.Composed:
    """(n, uid) of the rows of intervention table *table* read from *source*, as intervention_rows gives them."""
    return sql.SQL("SELECT {n} AS n, coalesce({uid}, {tname} || '#' || {fid}) AS uid FROM {source}").format(
        n=row_key(sql.Identifier(KEY), sql.Literal(number)), uid=clean("uid"), tname=sql.Literal(table),
        fid=sql.Identifier(KEY), source=source)


def project_rows(number: int, table: str, source: sql.Composable) -> sql.Composed:
    """The rows of programme-project table *table* (the *number*-th) read from *source*, as the rules read them."""
    inner = sql.SQL("SELECT {k} AS t, {fid} AS fid, {code} AS code, start_year AS sy, end_year AS ey, "
                    "{status} AS status, {fixed} AS g FROM {source}").format(
        k=sql.Literal(number), fid=sql.Identifier(KEY), code=clean("programme_code"), status=clean("status"),
        fixed=FIXED, source=source)
    return sql.SQL("SELECT {n} AS n, s.*, (g IS NOT NULL AND sy IS NOT NULL AND ey IS NOT NULL AND ey >= sy "
                   "AND status IS DISTINCT FROM 'cancelled') AS live FROM ({inner}) s").format(
        n=row_key(sql.SQL("s.fid"), sql.SQL("s.t")), inner=inner)


def all_rows(schema_name: str, tables, rows) -> sql.Composed:
    """*rows* (intervention_rows or project_rows) of every table of *tables* in the programme."""
    return sql.SQL(" UNION ALL ").join(rows(k, t, sql.Identifier(schema_name, t)) for k, t in enumerate(tables))


def _areas(schema_name: str, table: str, key: str, skip: str = "") -> sql.Composed:
    return sql.SQL("SELECT id, g FROM (SELECT {id} AS id, {fixed} AS g FROM {table}) a "
                   "WHERE id IS NOT NULL AND g IS NOT NULL AND id <> {skip}").format(
        id=clean(key), fixed=FIXED, table=sql.Identifier(schema_name, table), skip=sql.Literal(skip))


def snapshot(schema_name: str, kept: bool = False, areas: bool = True) -> list:
    """Statements that give the rules gp_i and gp_p (the interventions and projects as they read them) and,
    with *areas*, the areas. *kept*: the programme keeps them current (store/pg_check_tables.py): gp_i and
    gp_p are views of those tables, real tables the server may scan in parallel, nothing is copied. Else (a
    programme not yet upgraded) they are copied into cleaned, indexed temporary tables for this check."""
    if kept:
        rows = [sql.SQL("CREATE TEMP VIEW gp_i AS SELECT * FROM {}").format(sql.Identifier(schema_name, INTERVENTIONS)),
                sql.SQL("CREATE TEMP VIEW gp_p AS SELECT * FROM {}").format(sql.Identifier(schema_name, PROJECTS))]
    else:
        rows = [sql.SQL("CREATE TEMP TABLE gp_i ON COMMIT DROP AS {}").format(
                    all_rows(schema_name, schema.INTERVENTION_TABLES, intervention_rows)),
                sql.SQL("CREATE TEMP TABLE gp_p ON COMMIT DROP AS {}").format(
                    all_rows(schema_name, schema.PROJECT_TABLES, project_rows)),
                sql.SQL("CREATE INDEX ON gp_i USING GIST (g)"),
                sql.SQL("CREATE INDEX ON gp_p USING GIST (g) WHERE live"),
                sql.SQL("CREATE UNIQUE INDEX ON gp_i (n)"),
                sql.SQL("ANALYZE gp_i"), sql.SQL("ANALYZE gp_p")]
    return rows + ([] if not areas else [
        sql.SQL("CREATE TEMP TABLE gp_d ON COMMIT DROP AS {}").format(
            _areas(schema_name, "districts", "district_id", schema.CITY_ID)),
        sql.SQL("CREATE TEMP TABLE gp_n ON COMMIT DROP AS {}").format(
            _areas(schema_name, "neighbourhoods", "neighbourhood_id")),
        sql.SQL("CREATE TEMP TABLE gp_dp ON COMMIT DROP AS SELECT id, ST_Subdivide(g, {}) AS g FROM gp_d").format(
            sql.Literal(PIECE)),
        sql.SQL("CREATE TEMP TABLE gp_np ON COMMIT DROP AS SELECT id, ST_Subdivide(g, {}) AS g FROM gp_n").format(
            sql.Literal(PIECE)),
        sql.SQL("CREATE INDEX ON gp_dp USING GIST (g)"),
        sql.SQL("CREATE INDEX ON gp_np USING GIST (g)"),
        sql.SQL("CREATE UNIQUE INDEX ON gp_d (id)"),
        sql.SQL("CREATE INDEX ON gp_n (id)"),
    ])


# --- the rules ---------------------------------------------------------------------------------
# Every query returns, per finding row, what the messages need; one intervention is named by
# (uid, title, district_id) and located by MARKER.
_ONE = sql.SQL("i.uid, i.title, i.district_id, ") + MARKER

UNKNOWN_CODE = sql.SQL("SELECT {one}, i.code FROM gp_i i WHERE i.code IS NOT NULL "
                       "AND NOT EXISTS (SELECT 1 FROM gp_p p WHERE p.code = i.code)").format(one=_ONE)

OUTSIDE_PERIOD = sql.SQL(
    "WITH c AS (SELECT code, min(sy) FILTER (WHERE sy IS NOT NULL AND ey IS NOT NULL AND ey >= sy) AS sy, "
    "max(ey) FILTER (WHERE sy IS NOT NULL AND ey IS NOT NULL AND ey >= sy) AS ey FROM gp_p "
    "WHERE code IS NOT NULL GROUP BY code) "
    "SELECT {one}, i.sy, i.ey, c.code, c.sy, c.ey FROM gp_i i JOIN c ON c.code = i.code "
    "WHERE i.yok AND c.sy IS NOT NULL AND (i.sy < c.sy OR i.ey > c.ey)").format(one=_ONE)

_WORKS = sql.SQL("i.domain = 'physical' AND i.active AND i.g IS NOT NULL AND i.yok")

NOT_IN_PROGRAMME = sql.SQL(
    "SELECT {one}, i.sy, i.ey FROM gp_i i WHERE {works} AND i.code IS NULL AND NOT EXISTS ("
    "SELECT 1 FROM gp_p p WHERE p.live AND ST_DWithin(p.g, i.g, %(tol)s) AND p.sy <= i.ey AND i.sy <= p.ey)"
).format(one=_ONE, works=_WORKS)

# (n, area id, share) of every intervention that lies (partly) in an area; points count wholly in
# every area they touch (core/rules/areas.overlaps). The tests run on the areas cut in pieces of at
# most PIECE vertices (one district is hundreds: a predicate on it costs that much per call, and
# PostGIS prepares one polygon at a time); what lies properly inside a piece lies properly inside its
# area (share 1). Only what crosses a piece's edge gets the exact share, on the whole area, in a
# function that survives a GEOS error. The tests run in the join's own order (OFFSET 0 keeps them there),
# one piece against many interventions in a row, so PostGIS prepares the piece once for all of them
# (tested after the grouping's sort, each call met another piece: 4x slower); the outer OFFSET 0
# computes each share once, not again for the filter on it. What crosses a piece's edge is first
# tested against its whole area in SQL, area by area (ORDER BY id), so PostGIS prepares each area
# once: inside gp_share, in the grouping's order, each test converted a whole district again (2.3 vs
# 1.0 s of server CPU for 17,641 such pairs at a million). gp_share begins with the same test, so the
# share is the same.
_OVERLAPS = sql.SQL(
    "SELECT c.n, c.id, CASE WHEN c.inside THEN 1.0::float8 WHEN ST_ContainsProperly(a.g, i.g) THEN 1.0::float8 "
    "ELSE pg_temp.gp_share(i.g, a.g) END AS share FROM ("
    "  SELECT n, id, bool_or(inside) AS inside FROM ("
    "    SELECT i.n, p.id, GeometryType(i.g) = 'POINT' OR (GeometryType(i.g) <> 'GEOMETRYCOLLECTION' "
    "    AND ST_ContainsProperly(p.g, i.g)) AS inside "
    "    FROM {pieces} p JOIN {rows} i ON ST_Intersects(p.g, i.g) WHERE {where} OFFSET 0) t "
    "  GROUP BY n, id ORDER BY id OFFSET 0) c "
    "JOIN {rows} i ON i.n = c.n JOIN {area} a ON a.id = c.id OFFSET 0")
PIECE = 64

# Which interventions district_mismatch has to look at: those that meet a piece of another district
# than their own, or a piece of their own that they do not lie properly inside. The rest (at a million,
# all but a few thousand) lie properly inside their stored district and touch no other: share 1 there,
# nothing elsewhere, so no finding. One pass in the GiST join's own order (each piece prepared once);
# only the candidates then get the shares, the grouping and the arrays below (computed for every
# intervention, those took 7.6 of the rule's 8 s of server CPU at a million).
DISTRICT_CANDIDATES = [
    sql.SQL("CREATE TEMP TABLE gp_dm ON COMMIT DROP AS SELECT DISTINCT ON (i.n) i.n, i.g FROM gp_dp p JOIN gp_i i "
            "ON ST_Intersects(p.g, i.g) WHERE NOT i.city_wide AND i.g IS NOT NULL "
            "AND (p.id IS DISTINCT FROM i.district_id OR NOT (GeometryType(i.g) = 'POINT' OR "
            "(GeometryType(i.g) <> 'GEOMETRYCOLLECTION' AND ST_ContainsProperly(p.g, i.g))))"),
    sql.SQL("CREATE UNIQUE INDEX ON gp_dm (n)"), sql.SQL("ANALYZE gp_dm"),
]

# The flags first (one pass, no arrays), then the list of areas and shares only for the flagged.
DISTRICT_MISMATCH = sql.SQL(
    "WITH o AS MATERIALIZED (SELECT * FROM ({overlaps}) x WHERE share > 0), "
    "s AS (SELECT o.n, max(o.share) AS best_share, "
    "  coalesce(max(o.share) FILTER (WHERE o.id = i.district_id), 0) AS stored_share, "
    "  count(*) FILTER (WHERE o.share >= %(min_share)s) AS significant, bool_or(o.share >= 1.0 - 1e-9) AS whole "
    "  FROM o JOIN gp_i i ON i.n = o.n GROUP BY o.n), "
    "f AS (SELECT n, (significant >= 2 AND NOT whole) AS several FROM s "
    "  WHERE (significant >= 2 AND NOT whole) OR stored_share <= 0 OR stored_share < best_share - 1e-9), "
    "a AS (SELECT o.n, array_agg(o.id ORDER BY o.share DESC, o.id COLLATE \"C\") AS ids, "
    "  array_agg(o.share ORDER BY o.share DESC, o.id COLLATE \"C\") AS shares FROM o JOIN f ON f.n = o.n GROUP BY o.n) "
    "SELECT {one}, a.ids[1], f.several, a.ids, a.shares FROM f JOIN a ON a.n = f.n JOIN gp_i i ON i.n = f.n"
).format(overlaps=_OVERLAPS.format(area=sql.Identifier("gp_d"), pieces=sql.Identifier("gp_dp"),
                                    rows=sql.Identifier("gp_dm"), where=sql.SQL("true")), one=_ONE)

# Stacking: the stored neighbourhood, else the one of largest overlap (ties: smallest id); every
# year of the inclusive range (clipped to 1..101 years, as expand_years), per neighbourhood and year.
# The interventions without a stored neighbourhood first, on their own (usually few: the overlaps then
# do not hash every intervention to find their geometry).
UNPLACED = [sql.SQL("CREATE TEMP TABLE gp_sn ON COMMIT DROP AS SELECT n, g FROM gp_i i "
                    "WHERE i.nbh IS NULL AND i.g IS NOT NULL AND i.active AND i.yok AND NOT i.city_wide"),
            sql.SQL("CREATE UNIQUE INDEX ON gp_sn (n)"), sql.SQL("ANALYZE gp_sn")]
STACKING = sql.SQL(
    "WITH o AS (SELECT * FROM ({overlaps}) x WHERE share > 0), "
    "d AS (SELECT DISTINCT ON (n) n, id FROM o ORDER BY n, share DESC, id COLLATE \"C\"), "
    "m AS (SELECT i.n, coalesce(i.nbh, d.id) AS nbh, i.sy, i.ey, i.ind "
    "  FROM gp_i i LEFT JOIN d ON d.n = i.n AND i.nbh IS NULL "
    "  WHERE i.active AND i.yok AND NOT i.city_wide), "
    "y AS MATERIALIZED (SELECT m.n, m.nbh, m.ind, "
    "  generate_series(m.sy, m.sy + least(greatest(m.ey - m.sy + 1, 1), 101) - 1) AS year "
    "  FROM m WHERE m.nbh IS NOT NULL), "
    "g AS (SELECT nbh, year, count(*) AS n, count(*) FILTER (WHERE ind) AS loose FROM y GROUP BY nbh, year "
    "  HAVING count(*) > %(limit)s) "  # the members only of the groups over the limit
    "SELECT g.nbh, g.year, g.n, g.loose, array_agg(i.uid), array_agg(i.district_id), "
    "  ST_AsBinary(ST_Buffer(ST_Envelope(ST_Collect(i.g)), 5)) "
    # each member's row through the index (OFFSET 0: not a hash of every intervention, as the planner's
    # guess of a thousand years per row would have it)
    "FROM g JOIN y ON y.nbh = g.nbh AND y.year = g.year "
    "CROSS JOIN LATERAL (SELECT i.uid, i.district_id, i.g FROM gp_i i WHERE i.n = y.n OFFSET 0) i "
    "GROUP BY g.nbh, g.year, g.n, g.loose").format(
    overlaps=_OVERLAPS.format(area=sql.Identifier("gp_n"), pieces=sql.Identifier("gp_np"), rows=sql.Identifier("gp_sn"),
                              where=sql.SQL("true")))

PRIORITY = sql.SQL(
    "WITH g AS (SELECT {d} AS d, {t} AS t, priority AS p FROM {goals}), "
    "gd AS (SELECT DISTINCT d FROM g WHERE d IS NOT NULL), "
    "gt AS (SELECT DISTINCT d, t FROM g WHERE d IS NOT NULL AND t IS NOT NULL AND p > 0) "
    "SELECT {one}, i.theme FROM gp_i i JOIN gd ON gd.d = i.district_id "
    "WHERE i.active AND NOT i.city_wide AND i.theme IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM gt WHERE gt.d = i.district_id AND gt.t = i.theme)")


def priority(schema_name: str) -> sql.Composed:
    return PRIORITY.format(d=clean("district_id"), t=clean("theme"), one=_ONE,
                           goals=sql.Identifier(schema_name, "area_goals"))


# Funding rows by intervention (row number n of gp_i, through the cleaned uid: a uid used twice gives
# its rows to each of them): one hash join shared by budget_exceeded and duplicate_funding, instead of a
# join per rule on a text expression the planner cannot estimate (it guessed 69 M rows for 133 k).
_FUNDING = sql.SQL(
    "CREATE TEMP TABLE gp_fu ON COMMIT DROP AS SELECT i.n, fu.year, fu.amount, {ff} AS funder "
    "FROM {funding} fu JOIN gp_i i ON i.uid = {fuid}")


def funding(schema_name: str) -> list:
    """Statements that build gp_fu (store/pg_check.py runs them for the rules that need it, when the programme
    does not keep it: store/pg_check_funding.py)."""
    return [_FUNDING.format(ff=clean("funder", "fu"), fuid=clean("intervention_uid", "fu"),
                            funding=sql.Identifier(schema_name, "funding")),
            sql.SQL("CREATE INDEX ON gp_fu (n)"), sql.SQL("ANALYZE gp_fu")]


# Money per district and year (budget_exceeded): funding rows with a year and an amount are an
# intervention's money; without them its positive budget is spread over its years.
BUDGET = sql.SQL(
    "WITH b AS MATERIALIZED (SELECT row_number() OVER () AS bk, d, year, amount FROM ("
    "  SELECT {bd} AS d, year, sum(amount) AS amount FROM {budgets} "
    "  WHERE {bd} IS NOT NULL AND year IS NOT NULL AND amount IS NOT NULL GROUP BY 1, 2) z), "
    # one join with the funding rows: an intervention's rows with a year and an amount, or once without
    # (fy NULL: none; then its budget is spread): not a join for the rows and an anti-join for the rest
    "m AS MATERIALIZED (SELECT i.n, i.district_id, i.sy, i.ey, i.yok, i.budget, fu.year AS fy, fu.amount AS fa "
    "  FROM gp_i i LEFT JOIN gp_fu fu ON fu.n = i.n AND fu.year IS NOT NULL AND fu.amount IS NOT NULL "
    "  WHERE i.active AND NOT i.city_wide AND i.district_id IN (SELECT d FROM b)), "
    "f AS (SELECT m.n, m.district_id, m.fy AS year, m.fa AS amount FROM m WHERE m.fy IS NOT NULL), "
    "s AS (SELECT m.n, m.district_id, generate_series(m.sy, m.sy + least(greatest(m.ey - m.sy + 1, 1), 101) - 1)"
    "  AS year, m.budget / least(greatest(m.ey - m.sy + 1, 1), 101) AS amount FROM m "
    "  WHERE m.fy IS NULL AND m.yok AND m.budget > 0), "
    # each amount with its budget's number only (an integer to group on, not district text and year)
    "r AS MATERIALIZED (SELECT r.n, b.bk, r.amount FROM (SELECT * FROM f UNION ALL SELECT * FROM s) r "
    "  JOIN b ON b.d = r.district_id AND b.year = r.year WHERE r.amount > 0), "
    "x AS MATERIALIZED (SELECT b.bk, b.d, b.year, t.total, b.amount FROM ("
    "  SELECT bk, sum(amount) AS total FROM r GROUP BY bk) t JOIN b ON b.bk = t.bk WHERE t.total > b.amount + 0.005) "
    "SELECT x.d, x.year, x.total, x.amount, array_agg(DISTINCT i.uid COLLATE \"C\") FROM x "
    "JOIN r ON r.bk = x.bk JOIN gp_i i ON i.n = r.n "
    "GROUP BY x.d, x.year, x.total, x.amount")


def budget(schema_name: str) -> sql.Composed:
    return BUDGET.format(bd=clean("district_id"), budgets=sql.Identifier(schema_name, "area_budgets"))
