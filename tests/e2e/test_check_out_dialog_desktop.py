"""Check out districts for offline work from the menu (quality walk): the dialog proposes the copy beside
the programme, not Processing's temporary file, which a planner would not find again (or would lose)
after the area day."""

from __future__ import annotations

from tests.e2e.desktop import run_body, sample_programme

BODY = '''
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog
from qgis.utils import plugins

plugin, main = open_programme(__PATH__)
actions = {a.objectName(): a for a in plugins["gebiedsplugin"].actions}

def read_and_close():
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, QDialog)]
    if not dialogs:
        QTimer.singleShot(200, read_and_close)
        return
    dialog = dialogs[0]
    RESULT["title"] = dialog.windowTitle()
    RESULT["parameters"] = {k: str(v) for k, v in dialog.createProcessingParameters().items()}
    dialog.reject()

QTimer.singleShot(200, read_and_close)
actions["gebiedsplugin_check_out"].trigger()  # returns when the dialog is closed
finish()
'''


def test_check_out_proposes_a_copy_beside_the_programme(tmp_path):
    _, _, path = sample_programme(tmp_path)
    result = run_body(BODY, tmp_path, "nl", PATH=path)
    assert result["title"] == "Stadsdelen uitchecken voor offline werk"
    assert result["parameters"]["PROGRAMME"] == str(path)
    assert result["parameters"]["OUTPUT"] == str(tmp_path / "voorbeeldstad_offline.gpkg")
