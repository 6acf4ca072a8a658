"""The Check out dialog lists the programme's districts by name to tick (qa item 6); the DISTRICTS
parameter still receives their codes, and the copy holds those districts. Expected from SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QListWidget

from gebiedsplugin.core import schema

SHOTS = str(Path(__file__).resolve().parents[1] / "artifacts" / "shots" / "ui")  # screenshots to look at
Path(SHOTS).mkdir(parents=True, exist_ok=True)


def test_check_out_dialog_ticks_districts_by_name(plugin, sample_gpkg, tmp_path, monkeypatch):
    from processing.gui import ParametersPanel
    from qgis import processing
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()  # the test iface's browser model is a stand-in the dialog cannot take
    if ParametersPanel.iface is not None:
        monkeypatch.setattr(ParametersPanel.iface, "browserModel", lambda: browser, raising=False)

    path, _ = sample_gpkg
    with sqlite3.connect(str(path)) as db:
        districts = dict(db.execute("SELECT district_id, name FROM districts WHERE district_id != ?",
                                    (schema.CITY_ID,)).fetchall())
    assert len(districts) >= 3
    target = tmp_path / "offline.gpkg"
    dialog = processing.createAlgorithmDialog("gebiedsplugin:check_out",
                                              {"PROGRAMME": str(path), "OUTPUT": str(target)})
    dialog.resize(700, 600)
    dialog.show()
    QTest.qWait(500)  # the programme's districts are read once its path stops changing
    listed = dialog.findChild(QListWidget, "check_out_districts")
    assert listed is not None
    names = [listed.item(i).text() for i in range(listed.count())]
    assert names == sorted(districts.values(), key=str.casefold)
    chosen = sorted(districts)[:2]
    for i in range(listed.count()):
        if listed.item(i).text() in {districts[c] for c in chosen}:
            listed.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.grab().save(f"{SHOTS}/check-out-dialog.png")
    parameters = dialog.createProcessingParameters()
    assert sorted(parameters["DISTRICTS"].split(",")) == chosen
    dialog.close()
    processing.run("gebiedsplugin:check_out", parameters)
    with sqlite3.connect(str(target)) as db:
        taken = {row[0] for t in schema.INTERVENTION_TABLES
                 for row in db.execute(f"SELECT DISTINCT district_id FROM {t}")}  # nosec B608 - schema names
    assert taken and taken <= set(chosen) | {schema.CITY_ID}
