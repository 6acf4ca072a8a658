"""Opening another programme over unsaved edits in the real desktop: the plugin's own question
(a real QMessageBox on QGIS's main window) is answered Save; the edit is in the first file and only
the second programme's layers are in the project, each name once."""

from __future__ import annotations

import sqlite3

from tests.e2e.desktop import run_body, sample_programme

BODY = '''
import os
from collections import Counter
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMessageBox
from gebiedsplugin.gui.programme_actions import use_programme
from gebiedsplugin.gui.prompts import Prompts

plugin, main = open_programme(__FIRST__)
layer = plugin.controller.layer("interventions_point")
layer.startEditing()
fid = min(f.id() for f in layer.getFeatures())
layer.changeAttributeValue(fid, layer.fields().indexOf("title"), "Saved before the switch")
RESULT["fid"] = fid
asked = []

def answer():
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    if not boxes:
        QTimer.singleShot(50, answer)
        return
    box = boxes[0]
    asked.append(box.text())
    box.grab().save(os.path.join(ARTIFACTS, "switch-question-" + __LANG__ + ".png"))
    box.button(QMessageBox.StandardButton.Save).click()

QTimer.singleShot(100, answer)
RESULT["switched"] = use_programme(iface, plugin.controller.open, __SECOND__, Prompts(main))
pump(1.0)
RESULT["asked"] = asked
sources = {l.source().split("|")[0] for l in QgsProject.instance().mapLayers().values()}
RESULT["sources"] = sorted(sources)
RESULT["twice"] = [n for n, c in Counter(l.name() for l in QgsProject.instance().mapLayers().values()).items()
                   if c > 1]
RESULT["store"] = plugin.controller.store.path
main.grab().save(os.path.join(ARTIFACTS, "switch-after-" + __LANG__ + ".png"))
finish()
'''


def test_save_answered_in_the_desktop(tmp_path):
    first_dir, second_dir = tmp_path / "a", tmp_path / "b"
    first_dir.mkdir(), second_dir.mkdir()
    _, _, first = sample_programme(first_dir, interventions=100)
    _, _, second = sample_programme(second_dir, seed=7, interventions=100, name="tweede.gpkg")
    with sqlite3.connect(str(first)) as conn:
        fid, before = conn.execute("SELECT fid, row_version FROM interventions_point ORDER BY fid LIMIT 1").fetchone()
    result = run_body(BODY, tmp_path, "en", FIRST=first, SECOND=second, LANG="en")
    assert result["switched"], result["log"][-20:]
    [text] = result["asked"]
    assert "“voorbeeldstad” has unsaved edits in 1 intervention." in text and "before “tweede” is opened?" in text, text
    assert result["sources"] == [str(second)] and result["store"] == str(second)
    assert result["twice"] == []
    with sqlite3.connect(str(first)) as conn:
        title, version = conn.execute("SELECT title, row_version FROM interventions_point WHERE fid = ?",
                                      (fid,)).fetchone()
    assert result["fid"] == fid and title == "Saved before the switch" and version == before + 1
