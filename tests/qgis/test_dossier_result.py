"""The district dossier's result stays in the message bar with a button to its folder (quality walk), as
the export's does: it was a message that went after a few seconds, the folder to be found by hand."""

from __future__ import annotations

import time

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtWidgets import QPushButton


def test_dossier_result_stays_with_a_button_to_the_folder(plugin, sample_gpkg, tmp_path):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_overview_dock")
    dock.reload()
    dock.set_scope(district="noord")
    out = tmp_path / "dossiers"
    out.mkdir()
    bar = plugin.iface.messageBar()
    bar.clearWidgets()
    assert dock.dossier.start(str(out), overwrite=True)
    deadline = time.monotonic() + 120
    while dock.dossier.busy:
        assert time.monotonic() < deadline, "timed out"
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert dock.dossier.error == ""
    item = bar.currentItem()
    assert item is not None and item.level() == Qgis.Success and item.duration() == 0  # stays until closed
    assert item.text() == "2 files written to {}.".format(out)
    assert item.findChild(QPushButton, "gebiedsplugin_open_folder") is not None
