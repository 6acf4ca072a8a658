"""Issue 13, "No edit is ever lost": two planners' QGIS sessions on one programme, GeoPackage and PostGIS.

Each planner has a project of their own with the programme loaded as the plugin loads it. What is
checked is read straight from the database (sqlite3 / psycopg2), not through the plugin's stores.
"""

from __future__ import annotations

import pytest

from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check
from gebiedsplugin.qgis_io.store.save import SaveConflict
from tests.qgis.planner_sessions import Session, audit_rows, stored_row
from tests.qgis.stores_fixtures import *  # noqa: F401,F403

# table -> (field, Anna's value, Bert's value): one editable field of every table planners edit
EDITS = {
    "interventions_point": ("title", "Anna's title", "Bert's title"),
    "interventions_polygon": ("budget", 1111.0, 2222.0),
    "funding": ("amount", 111.0, 222.0),
    "effect_measurements": ("value", 11.0, 22.0),
    "links": ("relation", "supports", "depends_on"),
    "programme_projects_polygon": ("title", "Anna's project", "Bert's project"),
    "districts": ("name", "Anna's district", "Bert's district"),
    "neighbourhoods": ("name", "Anna's buurt", "Bert's buurt"),
    "area_goals": ("goal", "Anna's goal", "Bert's goal"),
    "area_budgets": ("amount", 1000.0, 2000.0),
    "findings": ("note", "Anna's note", "Bert's note"),
}


@pytest.fixture()
def planners(programme_store, qgis_iface):
    """(store, Anna's session, Bert's session) on one programme with a findings register."""
    run_check(CheckRequest(programme_store.path))
    anna = Session(qgis_iface, programme_store.path, "Anna")
    bert = Session(qgis_iface, programme_store.path, "Bert")
    yield programme_store, anna, bert
    anna.close()
    bert.close()


def _first_fid(session, table: str) -> int:
    return min(f.id() for f in session.controller.layer(table).getFeatures())


@pytest.mark.parametrize("table", sorted(EDITS))
def test_a_stale_save_is_refused_naming_row_who_and_when(planners, table):
    store, anna, bert = planners
    field, mine, theirs = EDITS[table]
    fid = _first_fid(anna, table)
    before = stored_row(store, table, fid)
    if table == "links":  # a value list: two values other than the stored one
        mine, theirs = [v for v in ("supports", "depends_on", "combines_with") if v != before[field]][:2]
    anna.read(table), bert.read(table)  # both read the same version
    anna.set(table, fid, field, mine)
    assert anna.save(), anna.error
    saved = stored_row(store, table, fid)
    assert saved[field] == mine and saved["modified_by"] == "Anna"
    assert saved["row_version"] == (before["row_version"] or 0) + 1
    bert.set(table, fid, field, theirs)
    assert not bert.save()
    assert "changed by Anna at" in bert.error and "refused" in bert.error, bert.error
    assert str(saved["modified_at"])[:16].replace("T", " ") in bert.error.replace("T", " ")
    assert stored_row(store, table, fid) == saved  # Anna's change stands
    layer = bert.controller.layer(table)
    assert layer.isEditable() and layer.isModified()  # Bert's edit waits in his buffer
    assert layer.getFeature(fid)[field] == theirs
    # The audit trail has Anna's change, field by field, and nothing of Bert's refused save.
    changes = [r for r in audit_rows(store, table) if r[0] == "UPDATE" and r[2] == fid]
    assert [(r[1], r[3][field], r[4][field]) for r in changes] == [("Anna", before[field], mine)]


def test_the_version_is_the_one_read_not_the_one_at_the_edit(planners):
    """Anna reads version 1; Bert saves version 2; Anna edits only afterwards: her save is refused."""
    store, anna, bert = planners
    table = "interventions_point"
    fid = _first_fid(anna, table)
    anna.read(table)
    bert.set(table, fid, "title", "Bert first")
    assert bert.save(), bert.error
    anna.set(table, fid, "title", "Anna later")  # edited after Bert's save, on what she read before it
    assert not anna.save()
    assert "changed by Bert" in anna.error
    assert stored_row(store, table, fid)["title"] == "Bert first"


def test_a_delete_of_a_row_changed_meanwhile_is_refused(planners):
    store, anna, bert = planners
    table = "interventions_point"
    fid = _first_fid(anna, table)
    anna.read(table), bert.read(table)
    anna.set(table, fid, "title", "Anna keeps it")
    assert anna.save()
    bert.delete(table, fid)
    assert not bert.save()
    assert "changed by Anna" in bert.error
    assert stored_row(store, table, fid)["title"] == "Anna keeps it"


def test_an_edit_of_a_row_deleted_meanwhile_is_refused(planners):
    store, anna, bert = planners
    table = "programme_projects_polygon"
    fid = _first_fid(anna, table)
    anna.read(table), bert.read(table)
    anna.delete(table, fid)
    assert anna.save(), anna.error
    assert stored_row(store, table, fid) is None
    bert.set(table, fid, "title", "Bert edits a ghost")
    assert not bert.save()
    assert "was deleted by someone else" in bert.error, bert.error
    assert stored_row(store, table, fid) is None
    deletes = [r for r in audit_rows(store, table) if r[0] == "DELETE"]
    assert [(r[1], r[2]) for r in deletes] == [("Anna", fid)] and deletes[0][3]["title"]


@pytest.mark.parametrize("how", ["dock", "layer toolbar"])
def test_one_save_keeps_nothing_when_one_row_is_refused(planners, how):
    """Bert changes an intervention Anna changed meanwhile and, in the same save, a funding row:
    the refusal keeps the funding change out of the programme too (and in Bert's buffer)."""
    store, anna, bert = planners
    fid = _first_fid(anna, "interventions_point")
    money = _first_fid(anna, "funding")
    amount = stored_row(store, "funding", money)["amount"]
    bert.read("interventions_point"), bert.read("funding")
    anna.set("interventions_point", fid, "title", "Anna first")
    assert anna.save()
    bert.set("interventions_point", fid, "title", "Bert too")
    bert.set("funding", money, "amount", amount + 5000)
    if how == "dock":
        assert not bert.save()
    else:  # QGIS's own Save Layer Edits on the funding layer alone
        assert not bert.controller.layer("funding").commitChanges()
    assert stored_row(store, "funding", money)["amount"] == amount
    assert stored_row(store, "interventions_point", fid)["title"] == "Anna first"
    assert bert.controller.layer("funding").isModified() and bert.controller.layer("interventions_point").isModified()
    # Bert discards his stale intervention edit and saves again: now the funding change lands.
    bert.controller.layer("interventions_point").rollBack()
    assert bert.save(), bert.error
    assert stored_row(store, "funding", money)["amount"] == amount + 5000


def test_the_layer_toolbar_save_writes_every_layer_in_one_go(planners):
    store, anna, _ = planners
    fid, money = _first_fid(anna, "interventions_point"), _first_fid(anna, "funding")
    anna.set("interventions_point", fid, "title", "Saved from the toolbar")
    anna.set("funding", money, "amount", 4321.0)
    assert anna.controller.layer("funding").commitChanges()  # one layer's Save saves the whole programme
    assert stored_row(store, "interventions_point", fid)["title"] == "Saved from the toolbar"
    assert stored_row(store, "funding", money)["amount"] == 4321.0
    assert not anna.controller.layer("interventions_point").isModified()


def test_edits_of_different_rows_are_all_kept(planners):
    store, anna, bert = planners
    table = "interventions_point"
    fids = sorted(f.id() for f in anna.controller.layer(table).getFeatures())[:2]
    anna.read(table), bert.read(table)
    anna.set(table, fids[0], "title", "Anna's")
    bert.set(table, fids[1], "title", "Bert's")
    assert anna.save() and bert.save(), (anna.error, bert.error)
    assert [stored_row(store, table, f)["title"] for f in fids] == ["Anna's", "Bert's"]
    assert [stored_row(store, table, f)["modified_by"] for f in fids] == ["Anna", "Bert"]


def test_a_new_row_gets_version_one_a_uid_and_an_audit_entry(planners):
    from qgis.core import QgsFeature

    store, anna, _ = planners
    layer = anna.read("funding")
    parent = next(anna.controller.layer("interventions_point").getFeatures())["uid"]
    feature = QgsFeature(layer.fields())
    feature["intervention_uid"], feature["year"], feature["funder"], feature["amount"] = parent, 2027, "province", 9.0
    assert layer.addFeature(feature)
    assert anna.save(), anna.error
    inserts = [r for r in audit_rows(store, "funding") if r[0] == "INSERT" and r[1] == "Anna"]
    assert len(inserts) == 1
    row = stored_row(store, "funding", inserts[0][2])
    assert (row["row_version"], row["amount"], row["modified_by"]) == (1, 9.0, "Anna") and len(row["uid"]) == 36


def test_stale_settings_and_decisions_are_refused(planners):
    store, _, _ = planners
    settings = {r["key"]: r["row_version"] for r in store.read_table("settings")[0]}
    store.write_settings({"stacking_max": "9"}, versions=settings, planner="Anna")
    with pytest.raises(SaveConflict, match="changed by Anna"):
        store.write_settings({"stacking_max": "12"}, versions=settings, planner="Bert")
    assert store.settings()["stacking_max"] == "9"
    register = store.findings_register()
    rows = register.rows()
    read = {r["finding_id"]: r["row_version"] for r in rows}
    first = rows[0]["finding_id"]
    assert register.decide([first], "accepted", "Anna agrees", user="Anna", versions=read) == 1
    with pytest.raises(SaveConflict, match="changed by Anna"):
        register.decide([first], "false_positive", "Bert disagrees", user="Bert", versions=read)
    assert register.by_id()[first]["note"] == "Anna agrees"


def test_programme_history_shows_every_change_filtered_by_planner_and_date(planners):
    from datetime import date, timedelta

    from gebiedsplugin.gui.audit_dialog import AuditDialog

    store, anna, bert = planners
    fids = sorted(f.id() for f in anna.controller.layer("interventions_point").getFeatures())[:2]
    money = _first_fid(anna, "funding")
    anna.set("interventions_point", fids[0], "title", "Anna's")
    anna.set("funding", money, "amount", 77.0)
    assert anna.save()
    bert.delete("interventions_point", fids[1])
    assert bert.save()
    bert.dock.show_programme_history()
    kind, title, trail, scope = bert.dock.prompts.asked[-1]
    assert (kind, scope) == ("history", "programme")
    recorded = [(e["changed_by"], e["table"], e["operation"]) for e in trail if e["changed_by"] in ("Anna", "Bert")]
    assert recorded == [("Anna", "interventions_point", "UPDATE"), ("Anna", "funding", "UPDATE"),
                        ("Bert", "interventions_point", "DELETE")]
    dialog = AuditDialog(title, trail, whole_programme=True)
    dialog.set_filter("Anna")
    rows = dialog.rows()
    assert len(rows) == 2 and all(r[1].startswith("Anna") for r in rows)
    assert "Amount (EUR):" in rows[1][4] and "77" in rows[1][4]
    dialog.set_filter("Bert")
    assert [r[3] for r in dialog.rows()] == ["Deleted"]
    dialog.set_filter("", since=date.today() + timedelta(days=1), until=date.today() + timedelta(days=2))
    assert dialog.rows() == []


def test_the_check_dock_states_what_it_showed(planners, qgis_iface):
    """A decision or parameter change made in the check dock on what it showed is refused when a
    colleague saved meanwhile."""
    from gebiedsplugin.gui.check_dock import CheckDock

    store, anna, bert = planners
    docks = [CheckDock(qgis_iface, s.controller) for s in (anna, bert)]
    try:
        for dock in docks:
            dock.reload_rows()
        first = docks[0].rows[0]["finding_id"]
        for dock in docks:
            dock.tree.select_finding(first)
            dock.decision.setCurrentIndex(max(1, dock.decision.findData("accepted")))
            dock.note.setText("note of " + ("Anna" if dock is docks[0] else "Bert"))
        assert docks[0].decide_selected() == 1
        assert docks[1].decide_selected() == 0
        assert "changed by" in docks[1].last_error
        assert store.findings_register().by_id()[first]["note"] == "note of Anna"
        docks[0].params.set_values({"stacking_max": "11"})
        docks[0].save_params()
        docks[1].params.set_values({"stacking_max": "13"})
        docks[1].save_params()
        assert "changed by" in docks[1].last_error and store.settings()["stacking_max"] == "11"
    finally:
        for dock in docks:
            dock.cleanup()
