"""The export from the Processing algorithm and from the Export dock."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException
from qgis.PyQt.QtCore import Qt

from tests.qgis.gui_helpers import export_dock, wait_for_export

ALG = "gebiedsplugin:export_programme_map"


def test_algorithm_runs_with_comma_separated_formats(provider, sample_master, tmp_path):
    import processing

    master, _ = sample_master
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    assert alg is not None
    assert all(alg.parameterDefinition(p).help() for p in ("PROGRAMME", "SCOPE", "FORMATS", "OUTPUT_FOLDER"))
    params = {"PROGRAMME": str(master), "SCOPE": "noord,oost", "YEAR_FROM": 2025, "YEAR_TO": 2028,
              "FORMATS": "pdf,gpkg", "OUTPUT_FOLDER": str(tmp_path)}
    result = processing.run(ALG, params)
    assert result["PAGES"] == 3
    assert Path(result["PDF"]).name == "programme_map_noord-oost_2025-2028.pdf"
    assert Path(result["GPKG"]).is_file() and result["GEOJSON"] is None
    with pytest.raises(QgsProcessingException, match="exist already"):
        processing.run(ALG, params)
    processing.run(ALG, dict(params, OVERWRITE=True))
    with pytest.raises(QgsProcessingException, match="Unknown formats: shp"):
        processing.run(ALG, dict(params, FORMATS="pdf,shp"))
    with pytest.raises(QgsProcessingException, match=r"The period ends \(2024\) before it starts \(2025\)"):
        processing.run(ALG, dict(params, YEAR_TO=2024, OVERWRITE=True))


def test_export_dock_runs_the_export(plugin, sample_master, tmp_path):
    master, _ = sample_master
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_export_dock")
    dock.programme.setFilePath(str(master))
    assert dock.districts.count() == 5
    dock.some.setChecked(True)
    dock.districts.item(0).setCheckState(Qt.CheckState.Checked)
    dock.folder.setFilePath(str(tmp_path))
    for fmt, box in dock.formats.items():
        box.setChecked(fmt in ("pdf", "csv"))
    assert dock.run_export()
    wait_for_export(dock)
    assert dock.last_error == "" and dock.last_result is not None
    assert dock.last_result.atlas_pages == 1
    assert dock.summary_pages.isChecked() and dock.last_result.pdf_pages == 2  # the district and its summary
    assert sorted(Path(p).suffix for p in dock.last_result.all_files()) == [".csv", ".csv", ".json", ".pdf"]
    assert dock.progress.value() == 100

    class No:
        @staticmethod
        def confirm(title, text):
            return False

    dock.prompts = No()
    assert not dock.run_export()
    assert "exist already" in dock.last_error
    dock.some.setChecked(True)
    dock.districts.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not dock.run_export() and "Tick at least one district" in dock.last_error


def _watch_task(task) -> list:
    """A list that gets an entry when *task* has finished (its finished() has run on this thread)."""
    done = []
    task.taskCompleted.connect(lambda: done.append(True))
    task.taskTerminated.connect(lambda: done.append(False))
    return done


def _wait_task(done, timeout=120.0):
    deadline = time.time() + timeout
    while not done and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert done, "the task did not finish in time"
    for _ in range(5):
        QgsApplication.processEvents()


class _Answer:
    def __init__(self, answer):
        self.answer, self.asked = answer, []

    def confirm(self, title, text):
        self.asked.append(text)
        return self.answer


def test_export_dock_asks_about_unsaved_edits(plugin, sample_gpkg, tmp_path):
    """The export reads the saved programme: edits in a layer's buffer are saved first, or nothing is exported."""
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    layer = plugin.controller.layer("interventions_point")
    layer.startEditing()
    feat = next(layer.getFeatures())
    layer.changeAttributeValue(feat.id(), layer.fields().indexOf("title"), "Renamed before the export")
    out = tmp_path / "out"
    dock = export_dock(plugin, path, out)
    dock.prompts = _Answer(False)
    assert not dock.run_export() and "save or discard" in dock.last_error
    assert dock.prompts.asked and layer.isModified() and not out.exists()
    dock.prompts = _Answer(True)
    assert dock.run_export()
    assert not layer.isModified()
    _wait_task(_watch_task(dock.task))
    assert dock.last_error == "" and dock.last_result is not None


def test_export_dock_unload_during_export_renders_nothing(plugin, sample_master, tmp_path):
    """Unloading the plugin while the export's data are prepared: no atlas into a dock that is gone."""
    master, _ = sample_master
    dock = export_dock(plugin, master, tmp_path)
    assert dock.run_export()
    done = _watch_task(dock.task)
    dock.cleanup()
    assert dock.task is None
    _wait_task(done)
    assert dock.last_result is None and dock.last_error == ""
    assert not list(tmp_path.glob("*.pdf"))
