"""The programme check on both stores: planted cases found, register written, decisions kept."""

from __future__ import annotations

from psycopg2 import sql

from gebiedsplugin.core import schema
from gebiedsplugin.core.findings import AUTO_DECIDER, CLOSED_NOTE
from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from tests.qgis.planted_checks import planted_not_found, shift_intervention
from tests.qgis.stores_fixtures import *  # noqa: F401,F403


def shift(store, uid: str, dx: float) -> None:
    """Move one intervention by dx metres outside QGIS, on either store."""
    if store.kind == "gpkg":
        shift_intervention(store.path, uid, dx)
        return
    conn = store.connect()
    with conn.cursor() as cur:
        for table in schema.INTERVENTION_TABLES:
            cur.execute(sql.SQL("UPDATE {} SET geom = ST_Translate(geom, %s, 0), row_version = row_version + 1 "
                                "WHERE uid = %s").format(
                sql.Identifier(store.schema_name, table)), (dx, uid))
    conn.commit()
    conn.close()


def test_check_finds_every_planted_case_and_writes_the_register(programme_store, sample_gpkg):
    _, manifest = sample_gpkg
    result = run_check(CheckRequest(programme_store.path))
    assert planted_not_found(result.findings, manifest) == []
    assert result.merge == {"new": result.total, "still": 0, "closed": 0, "reopened": 0}
    rows = programme_store.findings_register().rows()
    assert len(rows) == result.total == programme_store.counts()["findings"]
    assert all(r["status"] == "open" and r["first_seen"] and r["last_seen"] for r in rows)
    assert planted_not_found(rows, manifest) == []
    again = run_check(CheckRequest(programme_store.path))
    assert again.merge == {"new": 0, "still": result.total, "closed": 0, "reopened": 0}


def test_decision_round_trip_and_closing(programme_store):
    store = programme_store
    run_check(CheckRequest(store.path))
    register = store.findings_register()
    rows = register.by_id()
    conflict = next(r for r in rows.values() if r["rule"] == "conflict")
    accepted = next(r for r in rows.values() if r["rule"] == "not_in_programme")
    assert register.decide([accepted["finding_id"]], "accepted", "Agreed with the district", user="planner") == 1
    moved = conflict["subject_uids"].split(",")[0]
    shift(store, moved, 500.0)
    result = run_check(CheckRequest(store.path))
    assert result.merge["closed"] >= 1
    after = store.findings_register().by_id()
    assert set(rows) <= set(after)  # nothing deleted
    kept = after[accepted["finding_id"]]
    assert (kept["status"], kept["note"], kept["decided_by"]) == ("accepted", "Agreed with the district", "planner")
    assert kept["decided_at"]
    closed = after[conflict["finding_id"]]
    assert (closed["status"], closed["note"], closed["decided_by"]) == ("resolved", CLOSED_NOTE, AUTO_DECIDER)
    shift(store, moved, -500.0)
    assert run_check(CheckRequest(store.path)).merge["reopened"] == 2  # the conflict, and its chance to combine
    reopened = store.findings_register().by_id()[conflict["finding_id"]]
    assert (reopened["status"], reopened["note"], reopened["decided_by"]) == ("open", None, None)


def test_check_algorithm_takes_either_store(programme_store, provider):
    import processing

    result = processing.run("gebiedsplugin:check_programme", {"PROGRAMME": programme_store.path,
                                                              "RULES": "conflict,stacking"})
    assert result["TOTAL"] > 0 and result["NEW"] == result["TOTAL"]
    rules = {r["rule"] for r in programme_store.findings_register().rows()}
    assert rules == {"conflict", "stacking"}


def test_check_dock_runs_in_the_background_and_decides(programme_store, plugin, sample_gpkg, tmp_path):
    from tests.qgis.gui_helpers import wait_for_check
    from tests.qgis.test_check_dock import Answers

    plugin.controller.open(programme_store.path)
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_check_dock")
    dock.prompts = Answers(csv=str(tmp_path / "findings.csv"))
    assert dock.run_check(), dock.last_error
    wait_for_check(dock)
    assert dock.last_error == "" and dock.last_result is not None
    assert planted_not_found(dock.tree.finding_rows(), sample_gpkg[1]) == []
    assert plugin.controller.layer("findings").featureCount() == dock.last_result.total
    conflict = next(r for r in dock.tree.finding_rows() if r["rule"] == "conflict")
    assert dock.tree.select_finding(conflict["finding_id"])
    dock.decision.setCurrentIndex(dock.decision.findData("accepted"))
    dock.note.setText("Combined with the sewer works")
    assert dock.decide_selected() == 1
    stored = programme_store.findings_register().by_id()[conflict["finding_id"]]
    assert (stored["status"], stored["note"]) == ("accepted", "Combined with the sewer works")
    assert dock.export_csv() == str(tmp_path / "findings.csv")
