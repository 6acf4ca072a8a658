"""Mission item 1, "No edit is ever lost": unsaved edits outlive their layers in a recovery file.

Real programme layers (Voorbeeldstad, GeoPackage and PostGIS), real files. Edits of every kind on
the point, line and polygon interventions and funding; the recovery file is compared with the edit
buffers read here straight from QgsVectorLayerEditBuffer; the layers go without saving
(QgsProject.clear()); the programme is opened again, the planner answers Restore, and the buffers are
what they were; the plugin's save writes them (read back with sqlite3 / psycopg2) and the file goes.
"""

from __future__ import annotations

import json
import time
import uuid

import pytest
from qgis.core import NULL, QgsFeature, QgsGeometry, QgsProject
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant
from qgis.PyQt.QtWidgets import QApplication

from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.prompts import Prompts
from gebiedsplugin.gui.recovery import Recovery
from gebiedsplugin.qgis_io.edit_session import session_of
from tests.qgis.planner_sessions import Session, stored_row
from tests.qgis.stores_fixtures import *  # noqa: F401,F403

TABLES = ("interventions_point", "interventions_line", "interventions_polygon", "funding")


class Answers(Prompts):
    """Answers the recovery question with *answer*; records every question and message."""

    def __init__(self, answer="restore"):
        super().__init__(None)
        self.answer = answer
        self.asked: list = []
        self.told: list = []

    def restore_discard_later(self, title, text):
        self.asked.append(text)
        return self.answer

    def inform(self, title, text):
        self.told.append(text)


def wait_until(condition, seconds: float = 10.0):
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        QApplication.processEvents()
        time.sleep(0.01)


def plain(value):
    if value is None or value is NULL or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, (QDate, QDateTime)):
        return value.toString("yyyy-MM-ddTHH:mm:ss")
    return value


def buffer_state(layer) -> dict:
    """What *layer*'s edit buffer holds, read straight from QgsVectorLayerEditBuffer (fids of added rows left out)."""
    buffer = layer.editBuffer()
    names = layer.fields().names()
    added = sorted(json.dumps([{n: plain(v) for n, v in zip(names, f.attributes()) if n != "fid"},
                               f.geometry().asWkt(3)], sort_keys=True, default=str)
                   for f in buffer.addedFeatures().values())
    return {"added": added,
            "attributes": {fid: {names[i]: plain(v) for i, v in vals.items()}
                           for fid, vals in buffer.changedAttributeValues().items()},
            "geometries": {fid: g.asWkt(3) for fid, g in buffer.changedGeometries().items()},
            "deleted": sorted(buffer.deletedFeatureIds())}


def file_state(path) -> dict:
    """table -> the same shape as buffer_state, from the recovery file's JSON (read here, not by the plugin)."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def value(v):
        if isinstance(v, dict):
            (tag, text), = v.items()
            return text[:19] if tag in ("$datetime", "$date") else text
        return v

    def wkt(hexed):
        geometry = QgsGeometry()
        if hexed is not None:
            geometry.fromWkb(bytes.fromhex(hexed["$bytes"]))
        return geometry.asWkt(3)

    out = {}
    for table, edits in data["tables"].items():
        out[table] = {
            "added": sorted(json.dumps([{n: value(v) for n, v in r["values"].items()}, wkt(r["wkb"])],
                                       sort_keys=True, default=str) for r in edits["added"]),
            "attributes": {r["fid"]: {n: value(v) for n, v in r["values"].items()}
                           for r in edits["changed"] if r["values"]},
            "geometries": {r["fid"]: wkt(r["wkb"]) for r in edits["changed"] if r["geometry_changed"]},
            "deleted": sorted(r["fid"] for r in edits["deleted"])}
    return out


def make_edits(controller) -> dict:
    """Change, move, delete and add rows of TABLES; {table: (changed fid, moved fid, deleted fid, new uid)}."""
    done = {}
    for table in TABLES:
        layer = controller.layer(table)
        assert layer.startEditing()
        a, b, c = sorted(f.id() for f in layer.getFeatures())[:3]
        field = "amount" if table == "funding" else "title"
        value = 123456.5 if table == "funding" else "Journal {}".format(table)
        assert layer.changeAttributeValue(a, layer.fields().indexFromName(field), value)
        if table != "funding":
            assert layer.changeAttributeValue(a, layer.fields().indexFromName("city_wide"), True)
            moved = QgsGeometry(layer.getFeature(b).geometry())
            moved.translate(12.5, -7.25)
            assert layer.changeGeometry(b, moved)
        else:
            assert layer.changeAttributeValue(b, layer.fields().indexFromName("year"), 2031)
        assert layer.deleteFeature(c)
        new = QgsFeature(layer.getFeature(a))
        uid = str(uuid.uuid4())
        new.setAttribute("uid", uid)
        new.setAttribute("fid", NULL)
        new.setAttribute(field, 777.0 if table == "funding" else "New {}".format(table))
        if table != "funding":
            geometry = QgsGeometry(new.geometry())
            geometry.translate(40, 40)
            new.setGeometry(geometry)
        assert layer.addFeature(new)
        done[table] = (a, b, c, uid)
    return done


def journal_files(folder) -> list:
    """The journal files in *folder*, not a write's temporary file (renamed over its journal any moment)."""
    return sorted(p for p in folder.glob("*.json") if ".gebiedsplugin-tmp-" not in p.name)


@pytest.fixture()
def opened(programme_store, qgis_iface, tmp_path):
    """(store, controller on QgsProject.instance(), recovery with answering prompts, recovery folder)."""
    folder = tmp_path / "recovery"
    folder.mkdir()
    project = QgsProject.instance()
    project.clear()
    controller = ProgrammeController(project)
    prompts = Answers()
    recovery = Recovery(qgis_iface, controller, prompts, folder=folder, delay_ms=50)
    controller.open(programme_store.path)
    QApplication.processEvents()
    yield programme_store, controller, recovery, folder
    for layer in controller.layers.values():
        if layer.isEditable():
            layer.rollBack()
    recovery.unload()
    controller.disconnect_project()
    project.clear()


def test_edits_outlive_their_layers_and_are_restored_and_saved(opened):
    store, controller, recovery, folder = opened
    done = make_edits(controller)
    wait_until(lambda: journal_files(folder))
    recovery.keeper.wait()
    wait_until(lambda: set(file_state(journal_files(folder)[0])) == set(TABLES))
    before = {t: buffer_state(controller.layer(t)) for t in TABLES}
    assert file_state(journal_files(folder)[0]) == before
    data = json.loads(journal_files(folder)[0].read_text(encoding="utf-8"))
    assert data["name"] == store.name and data["source"] == store.path and data["planner"]
    assert "password" not in journal_files(folder)[0].read_text(encoding="utf-8").lower()
    read = {t: stored_row(store, t, done[t][0])["row_version"] for t in TABLES}
    assert {t: next(r["version"] for r in data["tables"][t]["changed"] if r["fid"] == done[t][0])
            for t in TABLES} == read

    QgsProject.instance().clear()  # the layers go without saving (as a crash would take them)
    assert controller.store is None
    files = journal_files(folder)
    assert len(files) == 1 and file_state(files[0]) == before

    controller.open(store.path)
    wait_until(lambda: recovery.outcomes)
    answer, path, result = recovery.outcomes[-1]
    assert answer == "restore" and result == {"edits": 4 * len(TABLES), "moved_on": 0, "lost": 0}
    assert "16 unsaved edits" in recovery.prompts.asked[0] and store.name in recovery.prompts.asked[0]
    assert {t: buffer_state(controller.layer(t)) for t in TABLES} == before
    assert not recovery.prompts.told
    assert session_of(controller.layer(TABLES[0])).save(), session_of(controller.layer(TABLES[0])).last_error
    recovery.keeper.wait()
    wait_until(lambda: not journal_files(folder))
    for table, (changed, moved, deleted, _uid) in done.items():
        row = stored_row(store, table, changed)
        assert row["row_version"] == read[table] + 1
        if table == "funding":
            assert row["amount"] == 123456.5 and stored_row(store, table, moved)["year"] == 2031
        else:
            assert row["title"] == "Journal {}".format(table) and row["city_wide"] in (1, True)
        assert stored_row(store, table, deleted) is None
    assert _new_rows(store, done) == {t: 1 for t in TABLES}


def _new_rows(store, done) -> dict:
    """table -> how many rows carry the uid of the row added there (sqlite3 / psycopg2)."""
    out = {}
    for table, (*_fids, uid) in done.items():
        if store.kind == "gpkg":
            import sqlite3

            conn = sqlite3.connect(store.path)
            try:
                out[table] = conn.execute('SELECT count(*) FROM "{}" WHERE uid = ?'.format(table), (uid,)).fetchone()[0]
            finally:
                conn.close()
        else:
            from psycopg2 import sql

            conn = store.connect()
            try:
                with conn.cursor() as cur:
                    cur.execute(sql.SQL("SELECT count(*) FROM {} WHERE uid = %s").format(
                        sql.Identifier(store.schema_name, table)), (uid,))
                    out[table] = cur.fetchone()[0]
            finally:
                conn.close()
    return out


def _edit_title(controller, table="interventions_point", value="Unsaved title") -> int:
    layer = controller.layer(table)
    assert layer.isEditable() or layer.startEditing()
    fid = min(f.id() for f in layer.getFeatures())
    assert layer.changeAttributeValue(fid, layer.fields().indexFromName("title"), value)
    return fid


@pytest.mark.parametrize("how", ["plugin save", "QGIS's own commit", "discard"])
def test_a_save_or_a_discard_removes_the_file(opened, how):
    store, controller, recovery, folder = opened
    fid = _edit_title(controller)
    _edit_title(controller, "interventions_polygon")
    wait_until(lambda: journal_files(folder))
    point = controller.layer("interventions_point")
    if how == "plugin save":
        assert session_of(point).save(), session_of(point).last_error
    elif how == "QGIS's own commit":
        assert point.commitChanges()  # the session saves both layers' buffers; QGIS's commit finds them empty
        assert controller.layer("interventions_polygon").commitChanges()
    else:
        assert point.rollBack()
        assert journal_files(folder)  # the polygon layer's edit is still unsaved
        assert controller.layer("interventions_polygon").rollBack()
    recovery.keeper.wait()
    assert not journal_files(folder)
    title = stored_row(store, "interventions_point", fid)["title"]
    assert (title == "Unsaved title") == (how != "discard")


def test_later_keeps_the_file_and_asks_again_and_discard_sets_it_aside(opened):
    store, controller, recovery, folder = opened
    _edit_title(controller)
    wait_until(lambda: journal_files(folder))
    recovery.keeper.wait()
    QgsProject.instance().removeMapLayers([lyr.id() for lyr in controller.layers.values()])  # removed without saving
    kept = journal_files(folder)
    assert len(kept) == 1
    recovery.prompts.answer = "later"
    controller.open(store.path)
    wait_until(lambda: recovery.outcomes)
    assert recovery.outcomes[-1][0] == "later" and journal_files(folder) == kept
    assert not controller.layer("interventions_point").isModified()  # nothing restored
    _edit_title(controller, value="A new edit meanwhile")  # journalled apart: the kept file stays as it was
    wait_until(lambda: len(journal_files(folder)) == 2)
    assert "Unsaved title" in kept[0].read_text(encoding="utf-8")
    controller.layer("interventions_point").rollBack()
    recovery.keeper.wait()
    assert journal_files(folder) == kept
    QgsProject.instance().clear()
    recovery.prompts.answer = "discard"
    controller.open(store.path)
    wait_until(lambda: len(recovery.outcomes) == 2)
    assert recovery.outcomes[-1][0] == "discard" and not journal_files(folder)
    assert [p.name for p in folder.glob("*.discarded")] == [kept[0].name + ".discarded"]
    assert len(recovery.prompts.asked) == 2
    QgsProject.instance().clear()
    controller.open(store.path)  # a discarded journal is not offered again
    for _ in range(20):
        QApplication.processEvents()
    assert len(recovery.prompts.asked) == 2


def test_a_row_changed_by_someone_else_meanwhile_is_said_at_restore_and_refused_at_save(opened, qgis_iface):
    store, controller, recovery, folder = opened
    fid = _edit_title(controller, value="Mine, before the crash")
    wait_until(lambda: journal_files(folder))
    recovery.keeper.wait()
    QgsProject.instance().clear()
    bert = Session(qgis_iface, store.path, "Bert")
    try:
        bert.set("interventions_point", fid, "title", "Bert's meanwhile")
        assert bert.save(), bert.error
    finally:
        bert.close()
    controller.open(store.path)
    wait_until(lambda: recovery.outcomes)
    assert recovery.outcomes[-1][2] == {"edits": 1, "moved_on": 1, "lost": 0}
    assert len(recovery.prompts.told) == 1
    assert "1 of these rows were changed by someone else since; saving will ask you to resolve" \
        in recovery.prompts.told[0]
    layer = controller.layer("interventions_point")
    assert layer.getFeature(fid)["title"] == "Mine, before the crash"  # replayed all the same
    session = session_of(layer)
    assert not session.save()
    assert "changed by Bert" in session.last_error and "refused" in session.last_error, session.last_error
    assert stored_row(store, "interventions_point", fid)["title"] == "Bert's meanwhile"
    recovery.keeper.wait()
    assert len(journal_files(folder)) == 1  # still unsaved: still journalled


def test_the_files_live_in_the_qgis_profile(qgis_iface):
    from pathlib import Path

    from qgis.core import QgsApplication

    controller = ProgrammeController(QgsProject())
    recovery = Recovery(qgis_iface, controller, Answers())
    try:
        assert Path(recovery.keeper.folder) == Path(QgsApplication.qgisSettingsDirPath()) / "gebiedsplugin" / "recovery"
        assert Path(recovery.keeper.folder).is_dir()
    finally:
        recovery.unload()
        controller.disconnect_project()


def test_a_journal_of_a_qgis_still_running_is_left_alone_until_that_qgis_is_killed(opened):
    """Another QGIS on the same profile holds its journal's lock: not offered; SIGKILLed, it is."""
    import os
    import signal
    import subprocess
    import sys

    store, controller, recovery, folder = opened
    _edit_title(controller, value="From the other QGIS")
    wait_until(lambda: journal_files(folder))
    recovery.keeper.wait()
    QgsProject.instance().clear()
    ours = journal_files(folder)[0]
    other = ours.with_name(ours.name.split(".")[0] + ".otherhost-4242-abcdef.json")
    os.replace(ours, other)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('locked', flush=True)\n"
        "time.sleep(120)\n"), str(other) + ".lock"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        controller.open(store.path)
        for _ in range(30):
            QApplication.processEvents()
            time.sleep(0.01)
        assert recovery.prompts.asked == [] and journal_files(folder) == [other]
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(10)
    QgsProject.instance().clear()
    controller.open(store.path)
    wait_until(lambda: recovery.outcomes)
    assert recovery.outcomes[-1][0] == "restore"
    fid = min(f.id() for f in controller.layer("interventions_point").getFeatures())
    assert controller.layer("interventions_point").getFeature(fid)["title"] == "From the other QGIS"


def test_a_plugin_reload_keeps_journalling_the_buffers_without_asking(sample_gpkg, qgis_iface, processing_ready):
    """Unloaded and loaded again (Plugin Reloader, an update) with unsaved edits still in the buffers: no
    question (the edits are there), the journal goes on in the profile's folder, a discard removes it."""
    import gebiedsplugin
    from gebiedsplugin.toolbelt import recovery_files

    path = str(sample_gpkg[0])
    key = recovery_files.programme_key(path)
    folder = recovery_files.recovery_folder()
    mine = lambda: sorted(folder.glob(key + ".*.json"))  # noqa: E731
    first = gebiedsplugin.classFactory(qgis_iface)
    first.initGui()
    first.recovery.prompts = Answers()
    second = None
    try:
        first.controller.open(path)
        QApplication.processEvents()
        _edit_title(first.controller, value="Across a reload")
        wait_until(mine)
        first.recovery.keeper.wait()
        before = mine()
        layer = first.controller.layer("interventions_point")
        first.unload()
        assert mine() == before  # let go of, not removed: the buffers' edits are in it
        second = gebiedsplugin.classFactory(qgis_iface)
        second.initGui()  # takes up the project's programme layers
        second.recovery.prompts = Answers()
        wait_until(lambda: mine() and mine() != before)
        assert second.recovery.prompts.asked == []
        assert layer.isModified() and second.controller.layer("interventions_point") is layer
        assert len(mine()) == 1
        layer.rollBack()
        second.recovery.keeper.wait()
        assert mine() == []
    finally:
        if second is not None:
            second.unload()
        QgsProject.instance().clear()
        for leftover in mine():
            leftover.unlink()


def test_edits_after_the_first_write_are_journalled_row_by_row_exactly(opened):
    """After the first (whole) copy only the rows edited since are read again: each kind of later edit,
    an undo and the removal of an added row included, ends up in the file as in the buffer."""
    store, controller, recovery, folder = opened
    make_edits(controller)
    wait_until(lambda: journal_files(folder))
    recovery.keeper.wait()
    assert recovery.keeper.mirrors(store.path)["interventions_polygon"].last_copy == "whole"
    layer = controller.layer("interventions_polygon")
    fids = sorted(f.id() for f in layer.getFeatures())
    title, budget = layer.fields().indexFromName("title"), layer.fields().indexFromName("budget")
    assert layer.changeAttributeValue(fids[0], title, "Changed again")  # a row changed before
    assert layer.changeAttributeValue(fids[5], title, "Changed later")  # a row not changed before
    layer.beginEditCommand("budget")
    assert layer.changeAttributeValue(fids[6], budget, 99.0)
    layer.endEditCommand()
    layer.undoStack().undo()  # fids[6] back as it was: not an edit
    assert layer.deleteFeature(fids[7])
    moved = QgsGeometry(layer.getFeature(fids[8]).geometry())
    moved.translate(3, 3)
    assert layer.changeGeometry(fids[8], moved)
    added = list(layer.editBuffer().addedFeatures())
    assert layer.deleteFeature(added[0])  # the row added earlier is taken out again
    second = QgsFeature(layer.getFeature(fids[9]))
    second.setAttribute("uid", str(uuid.uuid4()))
    second.setAttribute("fid", NULL)
    assert layer.addFeature(second)
    expected = {t: buffer_state(controller.layer(t)) for t in TABLES}
    assert fids[6] not in expected["interventions_polygon"]["attributes"]
    wait_until(lambda: file_state(journal_files(folder)[0]) == expected, 15)
    assert recovery.keeper.mirrors(store.path)["interventions_polygon"].last_copy == "rows"
