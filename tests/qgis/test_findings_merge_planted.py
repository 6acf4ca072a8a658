"""The findings register's merge on a planted register, on both stores (#18 items 3 and 5).

Three runs of the check over a planted register, every expected row worked out by hand from the
merge rules (core/findings.py): new -> open; still occurring -> message and last_seen updated, the
planner's decision kept; gone and open -> resolved by the register with the closing note; gone and
decided -> left as decided; an auto-resolved finding that occurs again -> reopened, its note without
the closing words; outside the run's scope -> untouched. The register is read back with SQL (sqlite3 /
psycopg2), not through the code under test; the audit trail holds one entry per row written.
Texts with tabs, newlines, backslashes, "\\N", quotes and non-ASCII go through the writers' bulk paths.
"""

from __future__ import annotations

import sqlite3

import pytest
import shapely
from psycopg2 import sql

from gebiedsplugin.core.findings import Scope
from gebiedsplugin.core.rules.base import Finding
from gebiedsplugin.core.rules.texts import message
from gebiedsplugin.core.texts import QT_TRANSLATE_NOOP
from gebiedsplugin.qgis_io.store.findings import FindingsRegister
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403

SAYS = QT_TRANSLATE_NOOP("rules:planted", "{what}")
ODD = "tab\there, new\nline, back\\slash, \\N, 'quote\" \u00a0no-break, \u20ac 5, \U0001F6A7"
T1, T2, T3 = "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"
FIELDS = ("finding_id", "rule", "severity", "district_id", "status", "message", "subject_uids", "note",
          "decided_by", "first_seen", "last_seen", "certainty", "row_version")


def _finding(fid: str, what: str, rule: str = "conflict", district: str = "noord", geometry=None) -> Finding:
    return Finding(fid, rule, "warning", district, message(SAYS, what=what), ("u-" + fid, "v-" + fid),
                   geometry if geometry is not None else shapely.box(0, 0, 10, 10), "certain")


@pytest.fixture(params=["gpkg", "postgis"])
def store(request, tmp_path, qgis_app):
    if request.param == "gpkg":
        return GpkgStore.create(tmp_path / "planted.gpkg")
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    return PostgisStore.create(request.getfixturevalue("pg_connection"), request.getfixturevalue("pg_schema"))


def _register(store) -> dict:
    """finding_id -> {field: value} (timestamps as ISO text, UTC) and the geometry, read with SQL."""
    columns = ", ".join(FIELDS)
    if isinstance(store, GpkgStore):
        from gebiedsplugin.qgis_io.store.gpkg_sqlite import decode

        conn = sqlite3.connect(str(store.path))
        # bandit B608: column names of this test only
        found = conn.execute("SELECT {}, decided_at, geom FROM findings".format(columns)).fetchall()  # nosec B608
        conn.close()
        return {r[0]: dict(zip(FIELDS, (_iso(v) for v in r[:len(FIELDS)])), decided=r[-2] is not None,
                           geom=decode(r[-1])) for r in found}
    conn = store.connect()
    with conn, conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT {}, decided_at, ST_AsBinary(geom), ST_GeometryType(geom) FROM {}").format(
            sql.SQL(columns), sql.Identifier(store.schema_name, "findings")))
        found = cur.fetchall()
    conn.close()
    return {r[0]: dict(zip(FIELDS, (_iso(v) for v in r[:len(FIELDS)])), decided=r[-3] is not None,
                       geom=shapely.from_wkb(bytes(r[-2])), kind=r[-1]) for r in found}


def _iso(value):
    if hasattr(value, "strftime"):
        from datetime import timezone

        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, str) and len(value) == 24 and value.endswith(".000Z"):  # the GeoPackage's form
        return value[:-5] + "Z"
    return value


def _audit(store) -> list:
    return [(e["operation"], e["uid"]) for e in store.audit_trail(table="findings")]


def test_three_runs_over_a_planted_register(store):
    register = FindingsRegister(store)
    point = shapely.Point(100, 200)
    run1 = [_finding("a", "first words"), _finding("b", "kept"), _finding("c", "will go, decided"),
            _finding("d", "will go, open"), _finding("e", "other rule", rule="stacking"),
            _finding("p", ODD, geometry=point)]
    plan = register.merge(run1, now=T1)
    assert (plan.new, plan.still, plan.closed, plan.reopened) == (6, 0, 0, 0)
    reg = _register(store)
    assert sorted(reg) == ["a", "b", "c", "d", "e", "p"]
    assert reg["p"]["message"] == ODD and reg["p"]["subject_uids"] == "u-p,v-p"
    assert all(r["status"] == "open" and r["row_version"] == 1 and r["first_seen"] == r["last_seen"] == T1
               and r["note"] is None and not r["decided"] for r in reg.values())
    marker = reg["p"]["geom"]  # a point becomes a small polygon, stored as a MultiPolygon
    assert marker.geom_type == "MultiPolygon"
    assert marker.equals_exact(shapely.MultiPolygon([shapely.buffer(point, 5.0, quad_segs=4)]), 1e-9)
    assert reg["a"]["geom"].equals_exact(shapely.MultiPolygon([shapely.box(0, 0, 10, 10)]), 0)

    register.decide(["b"], "accepted", "ok\tfor now", user="anna", now=T1)
    register.decide(["c"], "false_positive", None, user="bert", now=T1)

    run2 = [_finding("a", "second words \\ " + ODD), _finding("b", "kept"), _finding("e", "other rule",
                                                                                     rule="stacking"),
            _finding("n", "", geometry=shapely.LineString([(0, 0), (30, 0)])), _finding("p", ODD, geometry=point)]
    plan = register.merge(run2, now=T2)
    assert (plan.new, plan.still, plan.closed, plan.reopened) == (1, 4, 1, 0)
    reg = _register(store)
    assert reg["a"]["message"] == "second words \\ " + ODD and reg["a"]["last_seen"] == T2
    assert reg["a"]["first_seen"] == T1 and reg["a"]["row_version"] == 2
    assert (reg["b"]["status"], reg["b"]["note"], reg["b"]["decided_by"], reg["b"]["row_version"]) == (
        "accepted", "ok\tfor now", "anna", 3)  # decided (2), then seen again (3)
    assert (reg["c"]["status"], reg["c"]["decided_by"], reg["c"]["last_seen"], reg["c"]["row_version"]) == (
        "false_positive", "bert", T1, 2)  # gone, decided: left alone
    assert (reg["d"]["status"], reg["d"]["note"], reg["d"]["decided_by"], reg["d"]["last_seen"]) == (
        "resolved", "no longer occurs", "programmatoets", T1)
    assert reg["d"]["decided"] and reg["d"]["row_version"] == 2
    assert reg["n"]["message"] == "" and reg["n"]["status"] == "open" and reg["n"]["geom"].geom_type == "MultiPolygon"
    assert reg["p"]["message"] == ODD and reg["p"]["row_version"] == 2

    # run 3 covers the rule "conflict" only: d occurs again (reopened), a is gone (closed), e is outside the scope
    register.decide(["a"], "open", "look again", user="anna", now=T2)
    run3 = [_finding("b", "kept"), _finding("d", "back again"), _finding("n", ""), _finding("p", ODD)]
    plan = register.merge(run3, scope=Scope(("conflict",)), now=T3)
    assert (plan.new, plan.still, plan.closed, plan.reopened) == (0, 4, 1, 1)
    reg = _register(store)
    assert (reg["a"]["status"], reg["a"]["note"], reg["a"]["decided_by"], reg["a"]["row_version"]) == (
        "resolved", "look again; no longer occurs", "programmatoets", 4)
    assert (reg["d"]["status"], reg["d"]["note"], reg["d"]["decided_by"], reg["d"]["decided"]) == (
        "open", None, None, False)
    assert (reg["d"]["message"], reg["d"]["last_seen"], reg["d"]["row_version"]) == ("back again", T3, 3)
    assert (reg["e"]["last_seen"], reg["e"]["status"], reg["e"]["row_version"]) == (T2, "open", 2)  # untouched
    assert (reg["c"]["status"], reg["c"]["row_version"]) == ("false_positive", 2)

    # every row written is in the audit trail, once per write: 7 inserts, updates by the merges and decisions
    trail = _audit(store)
    assert sorted(u for op, u in trail if op == "INSERT") == ["a", "b", "c", "d", "e", "n", "p"]
    updates = sorted(u for op, u in trail if op == "UPDATE")
    assert updates == sorted(["b", "c"] + ["a", "b", "d", "e", "p"] + ["a"] + ["a", "b", "d", "n", "p"])
