"""Mission item 1 in the real desktop: edits survive QGIS being killed with SIGKILL.

The first QGIS edits the sample programme (a title changed, a row deleted, a row added), waits for the
recovery file in its profile and is killed with SIGKILL (no quit, no clean-up: as a crash or a power
cut leaves it). A second QGIS on the same profile opens the programme, the planner clicks Restore in
the plugin's question, the dock's Save writes the edits; the GeoPackage is then read with sqlite3.
"""

from __future__ import annotations

import sqlite3
import uuid

from tests.e2e.desktop import make_profile, run_in_qgis, sample_programme

EDIT_AND_DIE = '''
import glob, os, signal
from qgis.core import QgsFeature, QgsGeometry, NULL
plugin, main = open_programme(__PROGRAMME__)
layer = plugin.controller.layer("interventions_point")
layer.startEditing()
fids = sorted(f.id() for f in layer.getFeatures())[:3]
layer.changeAttributeValue(fids[0], layer.fields().indexFromName("title"), "Edited before the kill")
layer.deleteFeature(fids[1])
new = QgsFeature(layer.getFeature(fids[2]))
new.setAttribute("uid", __UID__)
new.setAttribute("fid", NULL)
new.setAttribute("title", "Added before the kill")
geometry = QgsGeometry(new.geometry())
geometry.translate(25, 25)
new.setGeometry(geometry)
layer.addFeature(new)
folder = os.path.join(QgsApplication.qgisSettingsDirPath(), "gebiedsplugin", "recovery")

def journalled():
    files = glob.glob(os.path.join(folder, "*.json"))
    return bool(files) and "Added before the kill" in open(files[0], encoding="utf-8").read()

RESULT["journalled"] = pump(15, journalled)
RESULT["fids"] = fids
RESULT["folder"] = folder
finish()  # writes RESULT; the quit it schedules never comes:
os.kill(os.getpid(), signal.SIGKILL)
'''

RESTORE_AND_SAVE = '''
import glob, os
from qgis.PyQt.QtWidgets import QApplication, QMessageBox
asked = []

def answer():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            asked.append(widget.text())
            widget.grab().save(os.path.join(ARTIFACTS, "recovery_question.png"))
            next(b for b in widget.buttons() if b.text().replace("&", "") == "Restore").click()

clicker = QTimer()
clicker.timeout.connect(answer)
clicker.start(200)
folder = os.path.join(QgsApplication.qgisSettingsDirPath(), "gebiedsplugin", "recovery")
RESULT["files_at_start"] = sorted(os.path.basename(p) for p in glob.glob(os.path.join(folder, "*.json")))
plugin, main = open_programme(__PROGRAMME__)
pump(10, lambda: asked)
clicker.stop()
RESULT["asked"] = asked
layer = plugin.controller.layer("interventions_point")
fids = __FIDS__
RESULT["restored_title"] = layer.getFeature(fids[0])["title"]
buffer = layer.editBuffer()
RESULT["restored_deleted"] = sorted(buffer.deletedFeatureIds()) if buffer else None
RESULT["restored_added"] = [f["title"] for f in buffer.addedFeatures().values()] if buffer else None
dock = plugin_dock("interventions")
RESULT["saved"] = dock.edits.save()
RESULT["error"] = dock.edits.last_error
RESULT["files_after_save"] = pump(5, lambda: not glob.glob(os.path.join(folder, "*.json")))
finish()
'''


def test_edits_survive_a_sigkill_and_are_restored_and_saved(tmp_path):
    _, _, path = sample_programme(tmp_path)
    uid = str(uuid.uuid4())
    profiles = make_profile(tmp_path / "profile", "en")
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = run_in_qgis(EDIT_AND_DIE.replace("__PROGRAMME__", repr(str(path))).replace("__UID__", repr(uid)),
                        tmp_path / "first", check_exit=False, profiles=profiles)
    assert "exception" not in first, first.get("exception")
    assert first["journalled"] is True
    assert first["returncode"] != 0  # killed, not quit
    fids = first["fids"]
    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("SELECT title FROM interventions_point WHERE fid = ?", (fids[0],)).fetchone()[0] \
            != "Edited before the kill"  # nothing of it was saved before the kill
    finally:
        conn.close()

    body = RESTORE_AND_SAVE.replace("__PROGRAMME__", repr(str(path))).replace("__FIDS__", repr(fids))
    second = run_in_qgis(body, tmp_path / "second", profiles=profiles)
    assert "exception" not in second, second.get("exception")
    assert second["python_errors"] == []
    assert len(second["files_at_start"]) == 1
    assert len(second["asked"]) == 1 and "3 unsaved edits" in second["asked"][0], second["asked"]
    assert "voorbeeldstad" in second["asked"][0] and "Restore them?" in second["asked"][0]
    assert second["restored_title"] == "Edited before the kill"
    assert second["restored_deleted"] == [fids[1]] and second["restored_added"] == ["Added before the kill"]
    assert second["saved"] is True, second["error"]
    assert second["files_after_save"] is True

    conn = sqlite3.connect(str(path))
    try:
        assert conn.execute("SELECT title FROM interventions_point WHERE fid = ?",
                            (fids[0],)).fetchone()[0] == "Edited before the kill"
        assert conn.execute("SELECT count(*) FROM interventions_point WHERE fid = ?", (fids[1],)).fetchone()[0] == 0
        assert conn.execute("SELECT title FROM interventions_point WHERE uid = ?",
                            (uid,)).fetchall() == [("Added before the kill",)]
    finally:
        conn.close()
