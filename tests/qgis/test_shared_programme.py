"""Issue 6 "done when", end to end: two QGIS sessions edit Voorbeeldstad on PostGIS at the same time.

Each session is a project of its own with its own ProgrammeController and interventions dock, on its
own database connection (the two sessions use different connection strings, so QGIS's postgres
provider cannot share one); a third planner edits over a plain psycopg2 connection. Non-conflicting
edits all persist, the conflicting save is refused with a clear message (who, when) and kept in the
buffer, the audit trail shows every change, and check and export give the same results as on the
GeoPackage copy.
"""

from __future__ import annotations

import re

from psycopg2 import sql

from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from gebiedsplugin.qgis_io.store.transfer import to_gpkg
from tests.qgis.planner_sessions import Session
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403
from tests.qgis.postgis_fixtures import sample_point_uids

TABLE = "interventions_point"


def _own_connection(conninfo: str) -> str:
    """The same server and auth config in a connection string that differs from *conninfo*."""
    text = re.sub(r"\s*sslmode=\S+", "", conninfo)
    return text + " sslmode=allow" if text == conninfo else text


def _saved(store, uid: str) -> dict:
    return next(f.attrs for f in store.read_programme().interventions if f.get("uid") == uid)


def _check_keys(path: str) -> list:
    return sorted((f.finding_id, f.rule, f.severity, f.district_id, tuple(f.subject_uids))
                  for f in run_check(CheckRequest(path, write=False)).findings)


def test_two_sessions_edit_voorbeeldstad_concurrently(pg_sample, pg_connection, qgis_iface, tmp_path):
    gpkg, pg, _ = pg_sample
    uid_anna, uid_bert, uid_both, uid_carla = sample_point_uids(pg, 4)
    anna = Session(qgis_iface, pg.path, "Anna")
    bert = Session(qgis_iface, "postgres:{}/{}".format(_own_connection(pg_connection), pg.schema_name), "Bert")
    try:
        assert anna.layer.dataProvider().uri().connectionInfo(False) != \
            bert.layer.dataProvider().uri().connectionInfo(False)
        # Both have the programme open; each edits a different intervention and saves.
        anna.edit(uid_anna, "title", "Anna's plan")
        bert.edit(uid_bert, "title", "Bert's plan")
        assert anna.dock.edits.save() and bert.dock.edits.save()
        # A third planner on a plain connection changes yet another one meanwhile.
        carla = PostgisStore(pg.connection, pg.schema_name, user="Carla")
        conn = carla.connect()
        with conn.cursor() as cur:
            cur.execute(sql.SQL("UPDATE {} SET status = %s, row_version = row_version + 1 WHERE uid = %s").format(
                sql.Identifier(pg.schema_name, TABLE)), ("in_progress", uid_carla))
        conn.commit()
        conn.close()
        # Now both edit the same intervention: Anna saves first, Bert's save is refused.
        anna.edit(uid_both, "budget", 1111.0)
        bert.edit(uid_both, "budget", 2222.0)
        assert anna.dock.edits.save()
        assert not bert.dock.edits.save()
        message = bert.dock.edits.last_error
        when = _saved(pg, uid_both)["modified_at"].strftime("%Y-%m-%d %H:%M:%S UTC")
        assert "changed by Anna at {}".format(when) in message, message
        assert "refused" in message and "ERROR" not in message and "UPDATE" not in message
        assert bert.dock.prompts.asked[-1] == ("inform", message)
        assert bert.layer.isEditable() and bert.layer.isModified()  # nothing lost: still in Bert's buffer
        assert _saved(pg, uid_both)["budget"] == 1111.0
        for uid, field, value, who in ((uid_anna, "title", "Anna's plan", "Anna"),
                                       (uid_bert, "title", "Bert's plan", "Bert"),
                                       (uid_carla, "status", "in_progress", "Carla")):
            saved = _saved(pg, uid)
            assert (saved[field], saved["modified_by"]) == (value, who), uid
        # Bert discards, takes Anna's version and makes his change again: now it is saved.
        bert.layer.rollBack()
        bert.edit(uid_both, "budget", 2222.0)
        assert bert.dock.edits.save(), bert.dock.edits.last_error
        assert _saved(pg, uid_both)["budget"] == 2222.0
    finally:
        anna.close()
        bert.close()
    # The audit trail shows every change, by whom; the refused save left no trace.
    for uid, changes in ((uid_anna, ["Anna"]), (uid_bert, ["Bert"]), (uid_carla, ["Carla"]),
                         (uid_both, ["Anna", "Bert"])):
        trail = pg.audit_trail(uid)
        assert [e["operation"] for e in trail] == ["INSERT"] + ["UPDATE"] * len(changes), uid
        assert [e["changed_by"] for e in trail[1:]] == changes, uid
    both = pg.audit_trail(uid_both)
    assert [(e["old"]["budget"], e["new"]["budget"]) for e in both[1:]] == [
        (both[0]["new"]["budget"], 1111.0), (1111.0, 2222.0)]
    # Check and export give the same results as on the GeoPackage copy.
    offline, _ = to_gpkg(pg, tmp_path / "offline.gpkg")
    assert _saved(offline, uid_both)["budget"] == 2222.0
    assert _check_keys(pg.path) == _check_keys(offline.path) and _check_keys(pg.path)
    results = [run_export(ExportRequest(s.path, str(tmp_path / s.kind), formats=("gpkg", "csv")))
               for s in (pg, offline)]
    assert results[0].atlas_pages == results[1].atlas_pages and results[0].items == results[1].items > 0
    csvs = [[open(p, encoding="utf-8").read() for p in r.files["csv"]] for r in results]
    assert csvs[0] == csvs[1]
    assert gpkg.counts()["interventions_point"] == offline.counts()["interventions_point"]
