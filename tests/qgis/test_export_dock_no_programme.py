"""The Export dock with no programme (qa4's walk: Export enabled, and only a click said what was missing): Export
is disabled with the reason as its tooltip until a programme is open or chosen in the dock."""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt import sip

from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.export_dock import ExportDock

WHY = "Open a programme, or choose one under Programme, to export it."


def test_export_waits_for_a_programme(qgis_iface, sample_gpkg):
    controller = ProgrammeController(QgsProject.instance())
    dock = ExportDock(qgis_iface, controller)
    try:
        assert not dock.run_button.isEnabled() and dock.run_button.toolTip() == WHY
        controller.open(str(sample_gpkg[0]))
        assert dock.programme.filePath() == str(sample_gpkg[0])
        assert dock.run_button.isEnabled() and dock.run_button.toolTip() == ""
        dock.programme.setFilePath("")  # the planner empties the field
        assert not dock.run_button.isEnabled() and dock.run_button.toolTip() == WHY
        dock.programme.setFilePath(str(sample_gpkg[0]))  # or chooses a programme without opening it
        assert dock.run_button.isEnabled()
    finally:
        dock.cleanup()
        controller.disconnect_project()
        QgsProject.instance().clear()
        sip.delete(dock)
