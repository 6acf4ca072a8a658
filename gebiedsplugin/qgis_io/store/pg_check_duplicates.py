"""The in-database check's duplicate-funding statements (store/pg_check.py), over the cleaned rows of
store/pg_check_sql.py: fixed SQL, schema names as identifiers, rule parameters as values."""

from __future__ import annotations

from psycopg2 import sql

from gebiedsplugin.qgis_io.store.pg_check_sql import clean

# Duplicate funding: funder sets (own funder + funding rows, numbered: equal sets, equal k), pairs on one
# theme within the tolerance with overlapping years, both sets known and different, not linked
# combines_with. Candidates (live, with a theme; those without funders are dropped after) are first grouped per theme by
# ST_ClusterDBSCAN with radius "reach" (the tolerance plus a millimetre, so no pair at exactly the
# tolerance is split) and at least 2 members: two candidates within the tolerance are always in one
# cluster, and one without a neighbour in none. GEOS finds the clusters with one tree per theme, as the
# in-memory rule does; a GiST probe per candidate took 0.015-0.05 ms each (15-60 s at a million). Pairs
# are then joined within each cluster (theme, years, funder set first, the exact distance last). A
# cluster of more than BIG_CLUSTER members (a long chain of works closer than the tolerance) would make
# that join quadratic: its members look for their pairs through a GiST index instead. Each pair once
# (a.n < b.n); pg_check puts the smaller uid first.
BIG_CLUSTER = 2000
# The clusters first, over every live candidate with a theme; the funder sets then only for the clustered
# (a tenth at a million: the sets of every intervention took 3 s of server CPU). A clustered row without
# funders is dropped after clustering: the clusters may then be larger than needed, never split a pair.
CLUSTERS = sql.SQL(
    "CREATE TEMP TABLE gp_dc0 ON COMMIT DROP AS SELECT n, c FROM ("
    "  SELECT i.n, ST_ClusterDBSCAN(i.g, %(reach)s, 2) OVER (PARTITION BY i.theme) AS c "
    "  FROM gp_i i WHERE i.active AND i.g IS NOT NULL AND i.yok AND i.theme IS NOT NULL) x WHERE c IS NOT NULL")
FUNDERS = sql.SQL(
    "CREATE TEMP TABLE gp_fs ON COMMIT DROP AS SELECT n, funders, dense_rank() OVER (ORDER BY funders) AS k "
    "FROM (SELECT n, array_agg(DISTINCT f COLLATE \"C\" ORDER BY f COLLATE \"C\") AS funders "
    "FROM (SELECT i.n, i.funder AS f FROM gp_dc0 d JOIN gp_i i ON i.n = d.n WHERE i.funder IS NOT NULL UNION ALL "
    "  SELECT fu.n, fu.funder FROM gp_dc0 d JOIN gp_fu fu ON fu.n = d.n WHERE fu.funder IS NOT NULL) x "
    "GROUP BY n) y")
CANDIDATES = sql.SQL(
    "CREATE TEMP TABLE gp_dc ON COMMIT DROP AS SELECT x.*, count(*) OVER (PARTITION BY theme, c) AS size FROM ("
    "  SELECT i.n, i.theme, i.sy, i.ey, fs.k, i.g, d.c FROM gp_dc0 d JOIN gp_fs fs ON fs.n = d.n "
    "  JOIN gp_i i ON i.n = d.n) x")
BIG = sql.SQL("SELECT EXISTS (SELECT 1 FROM gp_dc WHERE size > %(big)s)")
BIG_INDEX = sql.SQL("CREATE INDEX ON gp_dc USING GIST (g) WHERE size > %(big)s")
DUPLICATE = sql.SQL(
    # the links once (MATERIALIZED): planned as an anti-join over one pair, they were cleaned again per pair
    "WITH l AS MATERIALIZED (SELECT least(a COLLATE \"C\", b COLLATE \"C\") AS a, "
    "  greatest(a COLLATE \"C\", b COLLATE \"C\") AS b "
    "  FROM (SELECT {lf} AS a, {lt} AS b FROM {links} "
    "  WHERE {rel} = 'combines_with') x WHERE a IS NOT NULL AND b IS NOT NULL), "
    "p AS MATERIALIZED (SELECT a.n AS an, b.n AS bn FROM gp_dc a JOIN gp_dc b "
    "  ON b.theme = a.theme AND b.c = a.c AND b.n > a.n AND b.k <> a.k AND a.sy <= b.ey AND b.sy <= a.ey "
    "  WHERE a.size <= %(big)s AND ST_DWithin(b.g, a.g, %(tol)s) "
    "  UNION ALL SELECT a.n, b.n FROM gp_dc a CROSS JOIN LATERAL ("
    "  SELECT b.n FROM gp_dc b WHERE b.size > %(big)s AND ST_DWithin(b.g, a.g, %(tol)s) AND b.n > a.n "
    "  AND b.theme = a.theme AND b.c = a.c AND b.k <> a.k AND a.sy <= b.ey AND b.sy <= a.ey OFFSET 0) b "
    "  WHERE a.size > %(big)s) "
    "SELECT a.uid, a.title, a.district_id, a.theme, fa.funders, b.uid, b.title, b.district_id, fb.funders, "
    "  greatest(a.sy, b.sy), least(a.ey, b.ey), ST_AsBinary(ST_Expand(ST_Envelope(ST_Collect(a.g, b.g)), 5)) "
    "FROM p JOIN gp_i a ON a.n = p.an JOIN gp_i b ON b.n = p.bn JOIN gp_fs fa ON fa.n = p.an "
    "JOIN gp_fs fb ON fb.n = p.bn "
    "WHERE NOT EXISTS (SELECT 1 FROM l "
    "  WHERE l.a = least(a.uid COLLATE \"C\", b.uid COLLATE \"C\") "
    "  AND l.b = greatest(a.uid COLLATE \"C\", b.uid COLLATE \"C\"))")


def duplicate(schema_name: str) -> list:
    """The clusters, the funder sets of the clustered and the candidates with their set as tables (a CTE
    of the sets was planned as 200 rows and scanned once per pair), then the pairs (parameters:
    duplicate_params; store/pg_check.py adds the GiST index BIG_INDEX only where BIG finds a big cluster)."""
    return [CLUSTERS, sql.SQL("ANALYZE gp_dc0"), FUNDERS, sql.SQL("CREATE UNIQUE INDEX ON gp_fs (n)"),
            sql.SQL("ANALYZE gp_fs"), CANDIDATES, sql.SQL("ANALYZE gp_dc"),
            DUPLICATE.format(links=sql.Identifier(schema_name, "links"), lf=clean("from_uid"), lt=clean("to_uid"),
                             rel=clean("relation"))]


def duplicate_params(tol: float) -> dict:
    """Parameters of the duplicate-funding statements for tolerance *tol* (metres, >= 0)."""
    return {"tol": tol, "reach": tol + 0.001, "big": BIG_CLUSTER}
