"""QGIS quits without a crash after programmes were opened (QGIS 3.44 died on signal 11 there).

run_in_qgis fails a run whose QGIS does not exit with status 0; this run leaves the most behind at the
quit: a programme whose layer has unsaved edits, kept beside a second programme opened after it.
"""

from __future__ import annotations

from gebiedsplugin.core import schema
from tests.e2e.desktop import run_in_qgis, sample_programme

BODY = '''
from qgis.core import QgsProject
plugin, main = open_programme(__A__)
layer = plugin.controller.layer("interventions_point")
layer.startEditing()
feature = next(layer.getFeatures())
layer.changeAttributeValue(feature.id(), layer.fields().indexFromName("title"), "unsaved at the quit")
plugin.controller.open(__B__)
pump(1.0)
project = QgsProject.instance()
RESULT["programme_layers"] = sum(1 for lyr in project.mapLayers().values() if lyr.customProperty("gebiedsplugin/table"))
RESULT["groups"] = len(project.layerTreeRoot().findGroups())
RESULT["unsaved"] = layer.isModified()
finish()
'''


def test_quit_after_two_programmes_and_unsaved_edits(tmp_path):
    _, _, first = sample_programme(tmp_path, name="first.gpkg")
    _, _, second = sample_programme(tmp_path, seed=7, name="second.gpkg")
    body = BODY.replace("__A__", repr(str(first))).replace("__B__", repr(str(second)))
    result = run_in_qgis(body, tmp_path)  # fails unless QGIS exits with status 0
    assert "exception" not in result, result.get("exception")
    assert result["python_errors"] == []
    # both programmes were in the project at the quit: the old one kept for its unsaved edit
    assert result["unsaved"] is True
    assert result["programme_layers"] == 2 * len(schema.LAYER_TABLES)
    assert result["groups"] == 2
    assert result["returncode"] == 0
