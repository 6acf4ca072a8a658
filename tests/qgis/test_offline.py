"""Issue 17, area days offline: two planners check out overlapping districts of a shared programme
(PostGIS or a GeoPackage), edit offline (the same row, a row the other deletes, new funding), and
check in. The expected programme afterwards is written out in the test from the scenario, and the
shared programme is read straight from its database to compare."""

from __future__ import annotations

import json

import pytest
import shapely

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.row_changes import DELETE, INSERT, UPDATE, RowChange
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.offline import check_in, check_out
from gebiedsplugin.qgis_io.store.save import save
from tests.qgis.planner_sessions import audit_rows, stored_row
from tests.qgis.stores_fixtures import *  # noqa: F401,F403

T = "interventions_point"


def rows_by_uid(store, table=T) -> dict:
    rows, _, fids = store.read_table(table)
    return {r["uid"]: (fid, r) for r, fid in zip(rows, fids)}


def in_district(store, district: str, n: int, table=T) -> list:
    return sorted(uid for uid, (_, r) in rows_by_uid(store, table).items() if r["district_id"] == district)[:n]


def edit(store, uid: str, planner: str, **values) -> None:
    fid, row = rows_by_uid(store)[uid]
    save(store, [RowChange(T, UPDATE, fid, row["row_version"], values)], planner)


def delete(store, uid: str, planner: str) -> None:
    fid, row = rows_by_uid(store)[uid]
    save(store, [RowChange(T, DELETE, fid, row["row_version"])], planner)


def fingerprint(store) -> dict:
    """Every versioned row's key and version, and schema_info, straight from the store's tables."""
    from gebiedsplugin.core import schema

    out = {t: sorted((str(r.get(schema.table(t).key)), r.get("row_version")) for r in store.read_table(t)[0])
           for t in schema.VERSIONED_TABLES}
    out["schema_info"] = store.schema_info()
    return out


def test_two_planners_check_out_edit_and_check_in(programme_store, tmp_path):
    shared = programme_store
    noord, oost = in_district(shared, "noord", 2), in_district(shared, "oost", 3)
    zuid = in_district(shared, "zuid_west", 1)
    carla_row, anna_row = noord
    same, gone, bert_only = oost[0], oost[1], zuid[0]
    original = {uid: r for uid, (_, r) in rows_by_uid(shared).items()}
    anna_copy = GpkgStore(tmp_path / "anna.gpkg")
    bert_copy = GpkgStore(tmp_path / "bert.gpkg")
    counts = check_out(shared, anna_copy.path, ["noord", "oost"], planner="Anna")
    assert counts[T] == sum(1 for r in original.values() if r["district_id"] in ("noord", "oost"))
    check_out(shared, bert_copy.path, ["oost", "zuid_west"], planner="Bert")
    # The area day: Anna and Bert offline, Carla edits the shared programme meanwhile.
    edit(anna_copy, anna_row, "Anna", title="Anna offline")
    edit(anna_copy, same, "Anna", title="Anna's version", budget=111.0)
    edit(anna_copy, gone, "Anna", title="Anna keeps this")
    save(anna_copy, [RowChange("funding", INSERT, values={"intervention_uid": anna_row, "year": 2027,
                                                          "funder": "province", "amount": 4242.0})], "Anna")
    edit(bert_copy, same, "Bert", title="Bert's version")
    delete(bert_copy, gone, "Bert")
    edit(bert_copy, bert_only, "Bert", title="Bert offline")
    edit(shared, carla_row, "Carla", title="Carla at the office")
    # Anna checks in first: no conflicts (Carla edited a row Anna did not touch).
    first = check_in(anna_copy.path, planner="Anna")
    assert first.written and first.plan.conflicts == []
    assert first.counts == {INSERT: 1, UPDATE: 3, DELETE: 0}
    # Bert: the row both edited, and the row he deleted but Anna changed, are conflicts, exactly these.
    second = check_in(bert_copy.path, planner="Bert")
    assert not second.written
    assert sorted((c.key, c.kind) for c in second.plan.conflicts) == sorted(
        [(same, "both_changed"), (gone, "deleted_here")])
    both = next(c for c in second.plan.conflicts if c.key == same)
    assert ("title", original[same]["title"], "Bert's version", "Anna's version") in both.fields
    assert both.theirs.modified_by == "Anna"
    assert rows_by_uid(shared)[same][1]["title"] == "Anna's version"  # nothing written yet
    decided = check_in(bert_copy.path, planner="Bert", decisions={T + "/" + same: "theirs", T + "/" + gone: "mine"})
    assert decided.written and decided.plan.open_conflicts == []
    # The shared programme now holds what the scenario says, nothing lost.
    expected = {uid: r["title"] for uid, r in original.items()}
    expected.update({carla_row: "Carla at the office", anna_row: "Anna offline", same: "Anna's version",
                     bert_only: "Bert offline"})
    del expected[gone]
    assert {uid: r["title"] for uid, (_, r) in rows_by_uid(shared).items()} == expected
    assert rows_by_uid(shared)[same][1]["budget"] == 111.0
    funding = [r for r in shared.read_table("funding")[0]
               if r["intervention_uid"] == anna_row and r["amount"] == 4242.0]
    assert len(funding) == 1 and funding[0]["modified_by"] == "Anna"
    # Audited as the planners who checked in.
    fid = rows_by_uid(shared)[bert_only][0]
    assert [r[1] for r in audit_rows(shared, T) if r[0] == "UPDATE" and r[2] == fid] == ["Bert"]
    assert stored_row(shared, T, fid)["modified_by"] == "Bert"
    # Checking in the same copy again changes nothing.
    before = fingerprint(shared)
    with pytest.raises(ProgrammeError, match="already checked in"):
        check_in(bert_copy.path, planner="Bert")
    assert fingerprint(shared) == before


def test_bad_copies_are_refused_naming_why_and_nothing_is_written(programme_store, tmp_path):
    from gebiedsplugin.core.sample import generate_sample

    shared = programme_store
    copy = GpkgStore(tmp_path / "copy.gpkg")
    check_out(shared, copy.path, ["noord"], planner="Anna")
    before = fingerprint(shared)
    # A new intervention drawn in a district Anna did not check out.
    zuid_row = rows_by_uid(copy)  # any row of the copy as a template, moved to zuid
    uid, (fid, row) = next(iter(zuid_row.items()))
    values = {k: v for k, v in row.items() if k not in ("uid", "row_version", "modified_at", "modified_by")}
    values["district_id"] = "zuid_west"
    save(copy, [RowChange(T, INSERT, values=values, geometry=shapely.Point(1, 1))], "Anna")
    with pytest.raises(ProgrammeError, match=r"outside the checked-out districts noord: interventions_point .*west"):
        check_in(copy.path, planner="Anna")
    assert fingerprint(shared) == before
    # A copy of another programme.
    other_programme, _ = generate_sample(seed=9, interventions=40)
    other = GpkgStore.create(tmp_path / "other.gpkg", other_programme.crs, other_programme)
    other_copy = GpkgStore(tmp_path / "other_copy.gpkg")
    check_out(other, other_copy.path, ["noord"], planner="Anna")
    with pytest.raises(ProgrammeError, match="copy of another programme"):
        check_in(other_copy.path, planner="Anna", target=shared.path)
    assert fingerprint(shared) == before
    # A base edited by hand.
    clean = GpkgStore(tmp_path / "clean.gpkg")
    check_out(shared, clean.path, ["oost"], planner="Anna")
    before = fingerprint(shared)
    import sqlite3
    with sqlite3.connect(clean.path) as db:
        db.execute("UPDATE checkout_base SET row_version = row_version + 7 WHERE id = 1")
    with pytest.raises(ProgrammeError, match="does not match its seal"):
        check_in(clean.path, planner="Anna")
    assert fingerprint(shared) == before
    assert json.loads(shared.schema_info()["checkout:" + clean.schema_info()["checkout_id"]])["districts"] == ["oost"]


def test_check_out_and_in_as_processing_algorithms(programme_store, provider, tmp_path):
    import processing

    shared = programme_store
    target = str(tmp_path / "area_day.gpkg")
    out = processing.run("gebiedsplugin:check_out", {"PROGRAMME": shared.path, "DISTRICTS": "oost",
                                                     "YEAR_FROM": 2026, "YEAR_TO": 2030, "OUTPUT": target})
    assert out["OUTPUT"] == target and "interventions_point" in out["COUNTS"]
    rows = [r for _, r in rows_by_uid(GpkgStore(target)).values()]
    assert rows and all(r["district_id"] == "oost" and r["end_year"] >= 2026 and r["start_year"] <= 2030
                        for r in rows)
    # Offline work: the copy is a programme like any other; the check and the export run on it.
    checked = processing.run("gebiedsplugin:check_programme", {"PROGRAMME": target})
    assert checked["TOTAL"] == GpkgStore(target).counts()["findings"]
    processing.run("gebiedsplugin:export_programme_map", {"PROGRAMME": target, "FORMATS": "csv",
                                                          "OUTPUT_FOLDER": str(tmp_path / "export")})
    assert any(p.suffix == ".csv" for p in (tmp_path / "export").iterdir())
    uid = rows[0]["uid"]
    edit(GpkgStore(target), uid, "Anna", title="offline")
    edit(shared, uid, "Bert", title="shared")
    dry = processing.run("gebiedsplugin:check_in", {"COPY": target, "DRY_RUN": True})
    conflicts = json.loads(dry["CONFLICTS"])
    assert dry["OPEN_CONFLICTS"] == 1 and conflicts[0]["id"] == T + "/" + uid
    assert {"field": "title", "base": rows[0]["title"], "mine": "offline", "theirs": "shared"} in conflicts[0]["fields"]
    done = processing.run("gebiedsplugin:check_in", {"COPY": target, "DECISIONS": json.dumps({T + "/" + uid: "mine"})})
    assert done["OPEN_CONFLICTS"] == 0 and json.loads(done["COUNTS"])["update"] == 1
    assert rows_by_uid(shared)[uid][1]["title"] == "offline"


def test_merge_dock_shows_conflicts_field_by_field_and_checks_in(programme_store, qgis_iface, tmp_path):
    from pathlib import Path

    from qgis.core import QgsProject
    from qgis.PyQt import sip

    from gebiedsplugin.gui.controller import ProgrammeController
    from gebiedsplugin.gui.merge_dock import MergeDock
    from tests.qgis.merge_dock_fixtures import settle

    shared = programme_store
    target = str(tmp_path / "area_day.gpkg")
    check_out(shared, target, ["centrum"], planner="Anna")
    uid = in_district(GpkgStore(target), "centrum", 1)[0]
    original = rows_by_uid(shared)[uid][1]["title"]
    edit(GpkgStore(target), uid, "Anna", title="Speeltuin (offline)")
    edit(shared, uid, "Bert", title="Speeltuin (kantoor)")
    controller = ProgrammeController(QgsProject.instance())
    dock = MergeDock(qgis_iface, controller)
    try:
        dock.resize(720, 520)
        dock.load(target)
        settle(dock)
        assert dock.conflicts.topLevelItemCount() == 1 and not dock.check_in_button.isEnabled()
        cells = [[dock.fields.item(r, c).text() for c in range(4)] for r in range(dock.fields.rowCount())]
        assert ["Title", original, "Speeltuin (offline)", "Speeltuin (kantoor)"] in cells
        headers = [dock.fields.horizontalHeaderItem(c).text() for c in range(4)]
        assert headers[2].startswith("Mine\n(offline)\nAnna\n") and headers[3].startswith("Theirs\n(shared)\nBert\n")
        dock.decide("mine")
        assert dock.check_in_button.isEnabled()
        shots = Path(__file__).resolve().parents[1] / "artifacts"
        shots.mkdir(exist_ok=True)
        assert dock.widget().grab().save(str(shots / "merge_dock_conflict.png"))
        assert dock.check_in()
        settle(dock)
        assert dock.status.text() == "Checked in."
        assert rows_by_uid(shared)[uid][1]["title"] == "Speeltuin (offline)"
    finally:
        dock.cleanup()
        controller.disconnect_project()
        sip.delete(dock)  # now, not at interpreter exit
