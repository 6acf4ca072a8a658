"""The programme check where a PostGIS programme lives: the join rules as SQL (store/pg_check_sql.py).

district_mismatch, unknown_programme_code, outside_programme_period, not_in_programme, stacking,
duplicate_funding and budget_exceeded run as queries over one snapshot of the programme; only their
findings' facts travel (the programme keeps its rows cleaned and indexed for them: store/pg_check_tables.py;
one not yet upgraded is copied for the check), and each rule's own builder in core/rules (the one its in-memory check
calls) turns them into its Findings, so the findings register, decisions and exports do not see a
difference and a wording changes in one place. The other rules run in memory (core/rules), on the
rows they can find something in only (read_for_rules, store/pg_check_rows.py). Districts
and neighbourhoods (a few thousand rows at most) are read whole, to name and draw areas as
core/rules/areas does.
"""

from __future__ import annotations

import threading
import time
from itertools import repeat
from typing import Callable, List, Optional, Sequence, Tuple

import psycopg2
import shapely
from psycopg2 import sql
from qgis.core import Qgis, QgsMessageLog

from gebiedsplugin.core.records import Feature, Programme
from gebiedsplugin.core.rows import table_rows
from gebiedsplugin.core.rules import (
    budget_exceeded,
    district_mismatch,
    duplicate_funding,
    not_in_programme,
    outside_programme_period,
    stacking,
    unknown_programme_code,
)
from gebiedsplugin.core.rules.areas import Areas
from gebiedsplugin.core.rules.base import Cancelled, Finding
from gebiedsplugin.core.rules.context import INTERVENTION_COLUMNS, PROJECT_COLUMNS
from gebiedsplugin.core.rules.context import intervention_label as label
from gebiedsplugin.core.rules.data_quality import MANDATORY, PROJECT_MANDATORY
from gebiedsplugin.core.rules.engine import rule_params, unique_findings
from gebiedsplugin.core.schema import INTERVENTION_TABLES, PROJECT_TABLES
from gebiedsplugin.qgis_io.store import pg_check_duplicates as duplicates
from gebiedsplugin.qgis_io.store import pg_check_funding as kept_funding
from gebiedsplugin.qgis_io.store import pg_check_rows as rest_rows
from gebiedsplugin.qgis_io.store import pg_check_sql as q
from gebiedsplugin.qgis_io.store import pg_check_tables as kept_tables
from gebiedsplugin.qgis_io.store import pg_pool, pg_rows
from gebiedsplugin.qgis_io.store.pg_ddl import GEOMETRY, KEY
from gebiedsplugin.qgis_io.store.pg_snapshot import SharedSnapshot
from gebiedsplugin.toolbelt.i18n import tr

IN_DATABASE = ("district_mismatch", "unknown_programme_code", "outside_programme_period", "not_in_programme",
               "stacking", "duplicate_funding", "budget_exceeded")
MIN_POSTGIS = (3, 1)  # ST_MakeValid with GEOS's linework method, as shapely's make_valid
AREA_RULES = ("district_mismatch", "stacking")  # those that read the areas (gp_d, gp_n and their pieces)
FUNDING_RULES = ("duplicate_funding", "budget_exceeded")


def unavailable(store) -> Optional[str]:
    """Why this server cannot run the join rules (then the check runs them in memory), or None."""
    try:
        with store.session() as conn, conn.cursor() as cur:
            cur.execute("SELECT postgis_lib_version()")
            version = str(cur.fetchone()[0])
    except psycopg2.Error as e:
        return tr("PostGIS is not available in the database ({}).").format(str(e).strip())
    try:
        numbers = tuple(int(p) for p in version.split(".")[:2])
    except ValueError:
        numbers = (0, 0)
    if numbers < MIN_POSTGIS:
        return tr("PostGIS {} is older than {}.").format(version or "?", ".".join(map(str, MIN_POSTGIS)))
    return None


def sessions(store, rule_ids: Sequence[str]) -> List[List[str]]:
    """*rule_ids* (of IN_DATABASE) in the groups that run each in a session of its own, at the same time: when
    the programme keeps its tables, the funding rules apart from the rest (at a million interventions each
    about half of the server's work, so a second core shortens the wait); else one group (each session
    would copy the programme)."""
    with store.session() as conn, conn.cursor() as cur:
        kept = kept_tables.level(cur, store.schema_name) >= kept_tables.JOINS_FROM
    if not kept:
        return [list(rule_ids)]
    parts = [[r for r in rule_ids if r not in FUNDING_RULES], [r for r in rule_ids if r in FUNDING_RULES]]
    return [p for p in parts if p]


def shared_areas(schema_name: str) -> Callable[[object], Areas]:
    """The districts and neighbourhoods read once for the sessions of one run (run_in_database's *areas_of*),
    by whichever session asks first, with its own cursor: in the snapshot the sessions share
    (store/pg_snapshot.py)."""
    lock, made = threading.Lock(), []

    def areas(cur) -> Areas:
        with lock:
            if not made:
                made.append(_areas(cur, schema_name))
            return made[0]
    return areas


def _areas(cur, schema_name: str) -> Areas:
    parts = []
    for table in ("districts", "neighbourhoods"):
        rows, geoms, fids = pg_rows.read_table(cur, schema_name, table)
        parts.append([Feature(r, g, table, f) for r, g, f in zip(rows, geoms, fids)])
    return Areas(parts[0], parts[1])


def _geom(wkb):
    return None if wkb is None else shapely.from_wkb(bytes(wkb))


def run_in_database(store, rule_ids: Sequence[str], params: Optional[dict], settings: dict,
                    cancelled: Callable[[], bool] = lambda: False,
                    progress: Callable[[float], None] = lambda _p: None,
                    timings: Optional[dict] = None,
                    areas_of: Optional[Callable[[object], Areas]] = None,
                    snapshot: Optional[SharedSnapshot] = None) -> Tuple[List[Finding], int]:
    """Findings of *rule_ids* (a subset of IN_DATABASE) computed in the database, each rule's sorted
    by finding id, each id once; and the number of interventions checked. psycopg2.Error when the
    server fails a statement (nothing is written either way); Cancelled as soon as *cancelled* says so,
    also in the middle of a statement. *timings* gets seconds per step. *snapshot*: the one the other
    sessions of the run read (store/pg_snapshot.py)."""
    timings = {} if timings is None else timings
    t = time.perf_counter()
    programme = Programme(settings=settings)
    effective = {r: rule_params(r, programme, params) for r in rule_ids}
    with store.session(q.TEMP_BUFFERS) as conn:
        conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ)
        if snapshot is not None:
            snapshot.join(conn)
        with pg_pool.stopped_on_cancel(conn, cancelled), conn.cursor() as cur:
            kept = kept_tables.level(cur, store.schema_name) >= kept_tables.JOINS_FROM
            for statement in q.SESSION + q.FUNCTIONS + q.snapshot(store.schema_name, kept,
                                                                  bool(set(AREA_RULES) & set(rule_ids))):
                cur.execute(statement)
            if {"budget_exceeded", "duplicate_funding"} & set(rule_ids):
                for statement in [kept_funding.view(store.schema_name)] if kept else q.funding(store.schema_name):
                    cur.execute(statement)
            if cancelled():
                raise Cancelled()
            cur.execute("SELECT count(*) FROM gp_i")
            count = int(cur.fetchone()[0])
            areas = areas_of(cur) if areas_of else _areas(cur, store.schema_name)  # another session may have it
            timings["snapshot" if not kept else "areas"] = time.perf_counter() - t
            out: List[Finding] = []
            for n, rule in enumerate(rule_ids):
                t = time.perf_counter()
                out.extend(unique_findings(_RULES[rule](cur, store.schema_name, effective[rule], areas)))
                timings[rule] = time.perf_counter() - t
                progress(100.0 * (n + 1) / len(rule_ids))
                if cancelled():
                    raise Cancelled()
        conn.rollback()  # read only: the temporary tables go with the transaction
    return out, count


def _unknown_code(cur, schema_name, params, areas) -> List[Finding]:
    cur.execute(q.UNKNOWN_CODE)
    return [unknown_programme_code.finding(uid, label(uid, title), code, district, _geom(wkb))
            for uid, title, district, wkb, code in cur.fetchall()]


def _outside_period(cur, schema_name, params, areas) -> List[Finding]:
    cur.execute(q.OUTSIDE_PERIOD)
    return [outside_programme_period.finding(uid, label(uid, title), s, e, code, ps, pe, district, _geom(wkb))
            for uid, title, district, wkb, s, e, code, ps, pe in cur.fetchall()]


def _not_in_programme(cur, schema_name, params, areas) -> List[Finding]:
    tol = max(float(params["programme_tolerance_m"]), 0.0)
    cur.execute(q.NOT_IN_PROGRAMME, {"tol": tol})
    return [not_in_programme.finding(uid, label(uid, title), s, e, tol, district, _geom(wkb))
            for uid, title, district, wkb, s, e in cur.fetchall()]


def _district_mismatch(cur, schema_name, params, areas) -> List[Finding]:
    for statement in q.DISTRICT_CANDIDATES:
        cur.execute(statement)
    cur.execute(q.DISTRICT_MISMATCH, {"min_share": float(params["min_overlap_share"])})
    return [district_mismatch.finding(areas, uid, label(uid, title), stored, best, _geom(wkb),
                                      list(zip(ids, shares)) if several else None)
            for uid, title, stored, wkb, best, several, ids, shares in cur.fetchall()]


def _stacking(cur, schema_name, params, areas) -> List[Finding]:
    limit = float(params["stacking_max"])
    for statement in q.UNPLACED:
        cur.execute(statement)
    cur.execute(q.STACKING, {"limit": limit})
    out = []
    for nbh, year, n, loose, uids, districts, box in cur.fetchall():
        first = min(range(len(uids)), key=uids.__getitem__)
        out.append(stacking.count_finding(areas, nbh, year, n, loose, limit, uids, districts[first], _geom(box)))
    cur.execute(q.priority(schema_name))
    out.extend(stacking.priority_finding(areas, uid, label(uid, title), district, theme, _geom(wkb))
               for uid, title, district, wkb, theme in cur.fetchall())
    return out


def _budget(cur, schema_name, params, areas) -> List[Finding]:
    cur.execute(q.budget(schema_name))
    return [budget_exceeded.finding(areas, did, year, total, limit, uids)
            for did, year, total, limit, uids in cur.fetchall()]


def _duplicate(cur, schema_name, params, areas) -> List[Finding]:
    tol = max(float(params["duplicate_funding_tolerance_m"]), 0.0)
    *prepare, pairs = duplicates.duplicate(schema_name)
    values = duplicates.duplicate_params(tol)
    for statement in prepare:
        cur.execute(statement, values)
    cur.execute(duplicates.BIG, values)
    if cur.fetchone()[0]:
        cur.execute(duplicates.BIG_INDEX, values)
    cur.execute(pairs, values)
    party = duplicate_funding.Party
    return [duplicate_funding.finding(party(ua, label(ua, ta), da, fa), party(ub, label(ub, tb), db, fb),
                                      theme, tol, first, last, _geom(box))
            for ua, ta, da, theme, fa, ub, tb, db, fb, first, last, box in cur.fetchall()]


_RULES = {
    "district_mismatch": _district_mismatch,
    "unknown_programme_code": _unknown_code,
    "outside_programme_period": _outside_period,
    "not_in_programme": _not_in_programme,
    "stacking": _stacking,
    "duplicate_funding": _duplicate,
    "budget_exceeded": _budget,
}


# What the rules that stay in memory (data_quality, conflict, rest_period, combination_chance) read:
# the columns the rules name, the mandatory ones, no neighbourhoods, funding or budgets.
_REST_PARTS = {
    "districts": (("districts",), ("district_id", "name")),
    "interventions": (INTERVENTION_TABLES, tuple(dict.fromkeys(
        INTERVENTION_COLUMNS + ("lead_party",) + tuple(f.name for f in MANDATORY)))),
    "projects": (PROJECT_TABLES, tuple(dict.fromkeys(PROJECT_COLUMNS + tuple(f.name for f in PROJECT_MANDATORY)))),
}
_CHUNK = 50000


def read_for_rules(store, rule_ids: Optional[Sequence[str]] = None, params: Optional[dict] = None,
                   cancelled: Callable[[], bool] = lambda: False, timings: Optional[dict] = None,
                   snapshot: Optional[SharedSnapshot] = None) -> Programme:
    """The programme as far as the in-memory rules *rule_ids* read it, in one snapshot: those columns
    only, and of the interventions and projects only the rows those rules can find something in
    (store/pg_check_rows.py; every row when *rule_ids* is None or a table is stored in another CRS);
    geometry as WKB, fetched in chunks so the rows do not sit in memory twice, each row a compact
    core.rows.Row (a dict per row took 1.7 GB at a million interventions). *timings* gets the
    selection's seconds ("selection"). *snapshot*: the one the run's other sessions read (store/pg_snapshot.py)."""
    t = time.perf_counter()
    programme = Programme(crs=store.crs(), settings=store.settings())
    shared: dict = {}  # column -> {value: the one object for it}, or None when the column hardly repeats
    with store.session() as conn:
        conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ)
        if snapshot is not None:
            snapshot.join(conn)
        some = rule_ids is not None and not store.foreign_crs_tables(programme.crs) and _select(
            conn, store.schema_name, rule_ids, programme, params, cancelled)
        if timings is not None:
            timings["selection"] = time.perf_counter() - t
        if cancelled():
            raise Cancelled()
        for part, (tables, columns) in _REST_PARTS.items():
            features = getattr(programme, part)
            for table in tables:
                kept = rest_rows.KEPT if some and part != "districts" else sql.SQL("true")
                with conn.cursor(name="gp_read") as cur:
                    cur.itersize = _CHUNK
                    cur.execute(sql.SQL("SELECT {}, {}, ST_AsBinary({}) FROM {} WHERE {} ORDER BY {}").format(
                        sql.Identifier(KEY), sql.SQL(", ").join(map(sql.Identifier, columns)),
                        sql.Identifier(GEOMETRY), sql.Identifier(store.schema_name, table), kept,
                        sql.Identifier(KEY)), {"table": table})
                    while True:
                        rows = cur.fetchmany(_CHUNK)
                        if not rows:
                            break
                        fids, *values, wkb = zip(*rows)
                        values = [_shared(v, c, shared) for c, v in zip(columns, values)]
                        geoms = shapely.from_wkb([None if w is None else bytes(w) for w in wkb],
                                                 on_invalid="ignore").tolist()
                        features.extend(map(Feature, table_rows(columns, values, len(rows)), geoms,
                                            repeat(table), fids))
        cur = conn.cursor()
        cur.execute(sql.SQL("SELECT {} FROM {}").format(
            sql.SQL(", ").join(map(sql.Identifier, LINK_COLUMNS)), sql.Identifier(store.schema_name, "links")))
        programme.links = [dict(zip(LINK_COLUMNS, r)) for r in cur.fetchall()]
        conn.rollback()  # read only: the selection goes with the transaction
    return programme


def _select(conn, schema_name: str, rule_ids: Sequence[str], programme: Programme, params: Optional[dict],
            cancelled: Callable[[], bool]) -> bool:
    """Fill gp_keep with the rows *rule_ids* need (store/pg_check_rows.py); False when the server fails
    (then every row is read, as before: the rules find the same, only slower; logged). Cancelled when
    *cancelled* says so, also in the middle of a statement."""
    pairs = [r for r in rule_ids if r in rest_rows.PAIR_RULES]
    reach = max((float(rule_params(r, programme, params)[rest_rows.PAIR_DISTANCES[r]]) for r in pairs), default=0.0)
    try:
        with pg_pool.stopped_on_cancel(conn, cancelled), conn.cursor() as cur:
            cur.execute("SAVEPOINT gp_keep")
            level = kept_tables.level(cur, schema_name)
            for statement in q.SESSION[:2] + rest_rows.selection(schema_name, rule_ids, level):
                cur.execute(statement, rest_rows.selection_params(max(reach, 0.0)))
            cur.execute("RELEASE SAVEPOINT gp_keep")
    except psycopg2.Error as e:
        with conn.cursor() as cur:
            cur.execute("ROLLBACK TO SAVEPOINT gp_keep")
        QgsMessageLog.logMessage(tr("The check read every row: {}").format(str(e).strip()), "gebiedsplugin",
                                 Qgis.MessageLevel.Warning)
        return False
    return True


LINK_COLUMNS = ("from_uid", "to_uid", "relation")


def _shared(values: tuple, column: str, shared: dict):
    """*values* with equal values as one object: the driver makes a new string for every text value, and
    themes, statuses, districts, funders, years repeat a million times (about 60 bytes each time).
    A column whose values hardly repeat (uids, titles) is left as it comes once its first chunk shows it."""
    cache = shared.setdefault(column, {})
    if cache is None:
        return values
    try:
        out = list(map(cache.setdefault, values, values))
    except TypeError:  # a value that cannot be a key: the column as it comes
        shared[column] = None
        return values
    if len(values) >= 1000 and len(cache) > len(values) // 4:
        shared[column] = None
    return out
