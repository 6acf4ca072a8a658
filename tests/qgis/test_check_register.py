"""The findings register (stable ids, decisions kept, closed not deleted) and the check task."""

from __future__ import annotations

import pytest

from gebiedsplugin.core.findings import AUTO_DECIDER, CLOSED_NOTE, Scope, plan_merge
from gebiedsplugin.core.rules import RULES
from gebiedsplugin.qgis_io.check_task import CheckRequest, CheckTask, run_check
from gebiedsplugin.qgis_io.store.findings import FindingsRegister, write_csv
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.planted_checks import planted_not_found, shift_intervention


def test_run_check_finds_every_planted_case_and_writes_the_register(sample_gpkg):
    path, manifest = sample_gpkg
    result = run_check(CheckRequest(str(path)))
    assert planted_not_found(result.findings, manifest) == []
    assert result.merge == {"new": result.total, "still": 0, "closed": 0, "reopened": 0}
    rows = FindingsRegister(GpkgStore(str(path))).rows()
    assert len(rows) == result.total
    assert all(r["status"] == "open" and r["first_seen"] and r["last_seen"] for r in rows)
    assert planted_not_found(rows, manifest) == []
    assert sum(result.counts.values()) == result.total
    # A second run changes nothing but last_seen.
    again = run_check(CheckRequest(str(path)))
    assert again.merge == {"new": 0, "still": result.total, "closed": 0, "reopened": 0}
    assert len(FindingsRegister(GpkgStore(str(path))).rows()) == result.total


def test_decision_survives_a_rerun_and_a_fixed_finding_is_closed_not_deleted(sample_gpkg):
    path, manifest = sample_gpkg
    run_check(CheckRequest(str(path)))
    register = FindingsRegister(GpkgStore(str(path)))
    rows = register.by_id()
    conflict = next(r for r in rows.values() if r["rule"] == "conflict")
    accepted = next(r for r in rows.values() if r["rule"] == "not_in_programme")
    assert register.decide([accepted["finding_id"]], "accepted", "Agreed with the district", user="planner") == 1
    # Fix the planted conflict: move one of its works 500 m away.
    shift_intervention(path, conflict["subject_uids"].split(",")[0], 500.0)
    result = run_check(CheckRequest(str(path)))
    assert result.merge["closed"] >= 1
    after = FindingsRegister(GpkgStore(str(path))).by_id()
    assert set(rows) <= set(after)  # nothing deleted
    kept = after[accepted["finding_id"]]
    assert (kept["status"], kept["note"], kept["decided_by"]) == ("accepted", "Agreed with the district", "planner")
    assert kept["decided_at"]
    closed = after[conflict["finding_id"]]
    assert (closed["status"], closed["note"], closed["decided_by"]) == ("resolved", CLOSED_NOTE, AUTO_DECIDER)
    assert closed["last_seen"] == conflict["last_seen"]
    # Back in place: the finding comes back open, same id.
    shift_intervention(path, conflict["subject_uids"].split(",")[0], -500.0)
    result = run_check(CheckRequest(str(path)))
    assert result.merge["reopened"] == 2  # the conflict, and the chance to combine the same two works
    reopened = FindingsRegister(GpkgStore(str(path))).by_id()[conflict["finding_id"]]
    assert (reopened["status"], reopened["note"], reopened["decided_by"]) == ("open", None, None)


def test_district_and_rule_scope_leave_other_findings_alone(sample_gpkg):
    path, _ = sample_gpkg
    full = run_check(CheckRequest(str(path)))
    noord = run_check(CheckRequest(str(path), district_id="noord"))
    assert noord.total and all(f.district_id == "noord" for f in noord.findings)
    assert noord.merge["closed"] == 0
    only = run_check(CheckRequest(str(path), rule_ids=("conflict",)))
    assert {f.rule for f in only.findings} == {"conflict"} and only.merge["closed"] == 0
    assert len(FindingsRegister(GpkgStore(str(path))).rows()) == full.total
    with pytest.raises(Exception, match="Unknown district"):
        run_check(CheckRequest(str(path), district_id="atlantis"))


def test_plan_merge_keeps_decided_findings_decided():
    existing = {"a": {"fid": 1, "finding_id": "a", "rule": "conflict", "district_id": "noord", "status": "accepted",
                      "note": "ok"},
                "b": {"fid": 2, "finding_id": "b", "rule": "conflict", "district_id": "oost", "status": "open",
                      "note": "look"}}
    plan = plan_merge(existing, [], Scope(), "2026-01-01T00:00:00Z")
    assert plan.closed == 1 and plan.updates == [(2, {"status": "resolved", "decided_by": AUTO_DECIDER,
                                                     "decided_at": "2026-01-01T00:00:00Z",
                                                     "note": "look; " + CLOSED_NOTE}, None)]
    assert plan_merge(existing, [], Scope(district_id="noord"), "x").closed == 0


def test_task_runs_synchronously_and_reports_on_the_main_thread(sample_gpkg):
    path, manifest = sample_gpkg
    outcome = {}
    task = CheckTask(CheckRequest(str(path)), lambda result, error: outcome.update(result=result, error=error))
    ok = task.run()
    task.finished(ok)
    assert ok and outcome["error"] == ""
    assert planted_not_found(outcome["result"].rows, manifest) == []
    assert {k.split("/")[0] for k in outcome["result"].counts} <= set(RULES)


def test_cancelled_task_writes_nothing(sample_gpkg):
    path, _ = sample_gpkg
    outcome = {}
    task = CheckTask(CheckRequest(str(path)), lambda result, error: outcome.update(result=result, error=error))
    task.cancel()
    ok = task.run()
    task.finished(ok)
    assert not ok and outcome["result"] is None and "cancelled" in outcome["error"]
    assert FindingsRegister(GpkgStore(str(path))).rows() == []


def test_task_reports_a_broken_file_as_an_error(tmp_path):
    bad = tmp_path / "not.gpkg"
    bad.write_text("nonsense")
    outcome = {}
    task = CheckTask(CheckRequest(str(bad)), lambda result, error: outcome.update(result=result, error=error))
    task.finished(task.run())
    assert outcome["result"] is None and outcome["error"]


def test_csv_is_written_atomically_and_never_silently_replaced(tmp_path):
    rows = [{"finding_id": "conflict:1", "rule": "conflict", "severity": "warning", "message": "a, \"b\""}]
    target = tmp_path / "findings.csv"
    write_csv(str(target), rows)
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("finding_id,rule,severity")
    with pytest.raises(Exception, match="already exists"):
        write_csv(str(target), rows)
    write_csv(str(target), rows, overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["findings.csv"]
