"""The programme check where a PostGIS programme lives: the join rules as SQL (store/pg_check_sql.py).

district_mismatch, unknown_programme_code, outside_programme_period, not_in_programme, stacking,
duplicate_funding and budget_exceeded run as queries over one snapshot of the programme; only their
findings travel, and they become the same Finding objects the in-memory rules make (same ids,
subjects, messages through the rules' own texts, severity, certainty), so the findings register,
decisions and exports do not see a difference. The other rules run in memory (core/rules). Districts
and neighbourhoods (a few thousand rows at most) are read whole, to name and draw areas as
core/rules/areas does.
"""

from __future__ import annotations

import time
from typing import Callable, List, Optional, Sequence, Tuple

import psycopg2
import shapely
from psycopg2 import sql

from gebiedsplugin.core.records import Feature, Programme
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
from gebiedsplugin.core.rules.base import Cancelled, Finding, make_finding, year_range
from gebiedsplugin.core.rules.context import INTERVENTION_COLUMNS, PROJECT_COLUMNS
from gebiedsplugin.core.rules.data_quality import MANDATORY, PROJECT_MANDATORY
from gebiedsplugin.core.rules.engine import rule_params, unique_findings
from gebiedsplugin.core.rules.texts import Amount, Joined, message
from gebiedsplugin.core.rules.util import fmt_dist
from gebiedsplugin.core.schema import INTERVENTION_TABLES, PROJECT_TABLES, label_text
from gebiedsplugin.qgis_io.store import pg_check_sql as q
from gebiedsplugin.qgis_io.store.pg_ddl import GEOMETRY, KEY
from gebiedsplugin.toolbelt.i18n import tr

IN_DATABASE = ("district_mismatch", "unknown_programme_code", "outside_programme_period", "not_in_programme",
               "stacking", "duplicate_funding", "budget_exceeded")
MIN_POSTGIS = (3, 1)  # ST_MakeValid with GEOS's linework method, as shapely's make_valid


def unavailable(store) -> Optional[str]:
    """Why this server cannot run the join rules (then the check runs them in memory), or None."""
    try:
        conn = store.connect()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT postgis_lib_version()")
                version = str(cur.fetchone()[0])
        finally:
            conn.close()
    except psycopg2.Error as e:
        return tr("PostGIS is not available in the database ({}).").format(str(e).strip())
    try:
        numbers = tuple(int(p) for p in version.split(".")[:2])
    except ValueError:
        numbers = (0, 0)
    if numbers < MIN_POSTGIS:
        return tr("PostGIS {} is older than {}.").format(version or "?", ".".join(map(str, MIN_POSTGIS)))
    return None


class _Names:
    """How messages name interventions and areas, as core/rules/context.Context.label and Areas."""

    def __init__(self, areas: Areas):
        self.areas = areas

    @staticmethod
    def label(uid: str, title: Optional[str]) -> str:
        return "'" + title + "'" if title else uid


def _areas(store) -> Areas:
    parts = []
    for table in ("districts", "neighbourhoods"):
        rows, geoms, fids = store.read_table(table)
        parts.append([Feature(r, g, table, f) for r, g, f in zip(rows, geoms, fids)])
    return Areas(parts[0], parts[1])


def _geom(wkb):
    return None if wkb is None else shapely.from_wkb(bytes(wkb))


def run_in_database(store, rule_ids: Sequence[str], params: Optional[dict], settings: dict,
                    cancelled: Callable[[], bool] = lambda: False,
                    progress: Callable[[float], None] = lambda _p: None,
                    timings: Optional[dict] = None) -> Tuple[List[Finding], int]:
    """Findings of *rule_ids* (a subset of IN_DATABASE) computed in the database, each rule's sorted
    by finding id, each id once; and the number of interventions checked. psycopg2.Error when the
    server fails a statement (nothing is written either way). *timings* gets seconds per step."""
    timings = {} if timings is None else timings
    t = time.perf_counter()
    programme = Programme(settings=settings)
    effective = {r: rule_params(r, programme, params) for r in rule_ids}
    names = _Names(_areas(store))
    conn = store.connect()
    try:
        conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ)
        with conn.cursor() as cur:
            for statement in q.FUNCTIONS + q.snapshot(store.schema_name):
                cur.execute(statement)
            if cancelled():
                raise Cancelled()
            cur.execute("SELECT count(*) FROM gp_i")
            count = int(cur.fetchone()[0])
            timings["snapshot"] = time.perf_counter() - t
            out: List[Finding] = []
            for n, rule in enumerate(rule_ids):
                t = time.perf_counter()
                out.extend(unique_findings(_RULES[rule](cur, store.schema_name, effective[rule], names)))
                timings[rule] = time.perf_counter() - t
                progress(100.0 * (n + 1) / len(rule_ids))
                if cancelled():
                    raise Cancelled()
        conn.rollback()  # read only: the temporary tables go with the transaction
    finally:
        conn.close()
    return out, count


def _unknown_code(cur, schema_name, params, names) -> List[Finding]:
    cur.execute(q.UNKNOWN_CODE)
    info, msg = unknown_programme_code.INFO, unknown_programme_code.MSG
    return [make_finding(info, (uid,), message(msg, label=names.label(uid, title), code=code), extra=code,
                         district_id=district, geometry=_geom(wkb))
            for uid, title, district, wkb, code in cur.fetchall()]


def _outside_period(cur, schema_name, params, names) -> List[Finding]:
    cur.execute(q.OUTSIDE_PERIOD)
    info, msg = outside_programme_period.INFO, outside_programme_period.MSG
    return [make_finding(info, (uid,), message(msg, label=names.label(uid, title), years=year_range(s, e), code=code,
                                                pyears=year_range(ps, pe)),
                         extra=code, district_id=district, geometry=_geom(wkb))
            for uid, title, district, wkb, s, e, code, ps, pe in cur.fetchall()]


def _not_in_programme(cur, schema_name, params, names) -> List[Finding]:
    tol = max(float(params["programme_tolerance_m"]), 0.0)
    cur.execute(q.NOT_IN_PROGRAMME, {"tol": tol})
    info, msg, t = not_in_programme.INFO, not_in_programme.MSG, fmt_dist(tol)
    return [make_finding(info, (uid,), message(msg, label=names.label(uid, title), years=year_range(s, e), tol=t),
                         district_id=district, geometry=_geom(wkb))
            for uid, title, district, wkb, s, e in cur.fetchall()]


def _district_mismatch(cur, schema_name, params, names) -> List[Finding]:
    cur.execute(q.DISTRICT_MISMATCH, {"min_share": float(params["min_overlap_share"])})
    rule, areas, out = district_mismatch, names.areas, []
    for uid, title, stored, wkb, best, several, ids, shares in cur.fetchall():
        label = names.label(uid, title)
        if several:
            listed = ", ".join("{} {:.0%}".format(areas.name(d), s) for d, s in zip(ids, shares))
            text, kind = message(rule.MSG_SEVERAL, label=label, shares=listed), "several"
        else:
            text = message(rule.MSG_DISTRICT, label=label, actual=areas.name(best),
                           stored=areas.name(stored) if stored else rule.NO_DISTRICT)
            kind = "district"
        out.append(make_finding(rule.INFO, (uid,), text, extra=kind, district_id=best, geometry=_geom(wkb)))
    return out


def _stacking(cur, schema_name, params, names) -> List[Finding]:
    limit = float(params["stacking_max"])
    cur.execute(q.STACKING, {"limit": limit})
    nbhs, out = names.areas.neighbourhoods, []
    for nbh, year, n, loose, uids, districts, box in cur.fetchall():
        sure = "certain" if n - loose > limit else "possible"
        args = {"n": int(n), "name": nbhs.name.get(nbh, nbh), "year": int(year), "max": fmt_dist(limit)}
        text = (message(stacking.MSG_COUNT, **args) if sure == "certain"
                else message(stacking.MSG_COUNT_POSSIBLE, k=int(loose), **args))
        first = min(range(len(uids)), key=uids.__getitem__)
        where = nbhs.polygon(nbh)
        out.append(make_finding(stacking.INFO, uids, text, extra="count|{}|{}".format(nbh, int(year)),
                                district_id=nbhs.district.get(nbh) or districts[first],
                                geometry=where if where is not None else _geom(box), certainty=sure))
    cur.execute(q.priority(schema_name))
    for uid, title, district, wkb, theme in cur.fetchall():
        text = message(stacking.MSG_PRIORITY, label=names.label(uid, title),
                       theme=label_text("theme", theme), district=names.areas.name(district))
        geom = _geom(wkb)
        out.append(make_finding(stacking.INFO, (uid,), text, extra="priority|{}|{}".format(district, theme),
                                district_id=district, severity="info",
                                geometry=geom if geom is not None else names.areas.polygon(district)))
    return out


def _budget(cur, schema_name, params, names) -> List[Finding]:
    cur.execute(q.budget(schema_name))
    rule, areas, out = budget_exceeded, names.areas, []
    for did, year, total, limit, uids in cur.fetchall():
        total, limit = float(total), float(limit)
        text = message(rule.MSG, district=areas.name(did), year=int(year), total=Amount(total), budget=Amount(limit),
                       diff=Amount(total - limit))
        out.append(make_finding(rule.INFO, uids, text, extra="{}|{}".format(did, int(year)), district_id=did,
                                geometry=areas.polygon(did)))
    return out


def _funders(codes: Sequence[str]) -> Joined:
    return Joined(tuple(label_text("funder", c) for c in codes))


def _duplicate(cur, schema_name, params, names) -> List[Finding]:
    tol = max(float(params["duplicate_funding_tolerance_m"]), 0.0)
    *prepare, pairs = q.duplicate(schema_name)
    for statement in prepare:
        cur.execute(statement)
    cur.execute(pairs, {"tol": tol})
    rule, t, out = duplicate_funding, fmt_dist(tol), []
    for ua, ta, da, theme, fa, ub, tb, db, fb, first, last, box in cur.fetchall():
        if ua > ub:  # the smaller uid first, as Context.ordered
            ua, ta, da, fa, ub, tb, db, fb = ub, tb, db, fb, ua, ta, da, fa
        text = message(rule.MSG, a=names.label(ua, ta), b=names.label(ub, tb),
                       theme=label_text("theme", theme), tol=t, years=year_range(first, last),
                       funders=Joined((_funders(fa), _funders(fb)), " / "))
        out.append(make_finding(rule.INFO, (ua, ub), text, district_id=da, geometry=_geom(box)))
    return out


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


def read_for_rules(store) -> Programme:
    """The programme as far as the in-memory rules read it, in one snapshot: those columns only,
    geometry as WKB, fetched in chunks so the rows do not sit in memory twice."""
    programme = Programme(crs=store.crs(), settings=store.settings())
    conn = store.connect()
    try:
        conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ, readonly=True)
        for part, (tables, columns) in _REST_PARTS.items():
            features = getattr(programme, part)
            for table in tables:
                with conn.cursor(name="gp_read") as cur:
                    cur.itersize = _CHUNK
                    cur.execute(sql.SQL("SELECT {}, {}, ST_AsBinary({}) FROM {} ORDER BY {}").format(
                        sql.Identifier(KEY), sql.SQL(", ").join(map(sql.Identifier, columns)),
                        sql.Identifier(GEOMETRY), sql.Identifier(store.schema_name, table), sql.Identifier(KEY)))
                    while True:
                        rows = cur.fetchmany(_CHUNK)
                        if not rows:
                            break
                        geoms = shapely.from_wkb([None if r[-1] is None else bytes(r[-1]) for r in rows],
                                                 on_invalid="ignore").tolist()
                        features.extend(Feature(dict(zip(columns, r[1:-1])), g, table, r[0])
                                        for r, g in zip(rows, geoms))
        cur = conn.cursor()
        cur.execute(sql.SQL("SELECT {} FROM {}").format(
            sql.SQL(", ").join(map(sql.Identifier, LINK_COLUMNS)), sql.Identifier(store.schema_name, "links")))
        programme.links = [dict(zip(LINK_COLUMNS, r)) for r in cur.fetchall()]
        conn.commit()
    finally:
        conn.close()
    return programme


LINK_COLUMNS = ("from_uid", "to_uid", "relation")
