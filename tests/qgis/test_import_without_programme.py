"""The import dialog opened before any programme (Import data… on a first start) says so at once.

Before, it let the planner choose a file and map every field, then answered Import with "Open or
create a programme first."
"""

from __future__ import annotations

from qgis.core import QgsProject

from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.import_dialog import ImportDialog
from tests.qgis.import_fixtures import DISTRICT_ROWS, write_vector


def test_no_programme_is_said_first_and_nothing_can_run(qgis_iface, tmp_path):
    controller = ProgrammeController(QgsProject.instance())
    dialog = ImportDialog(qgis_iface, controller)
    try:
        assert controller.store is None
        assert dialog.status.text() == "Open or create a programme first."
        dialog.file.setFilePath(write_vector(tmp_path / "stadsdelen.geojson", DISTRICT_ROWS, "GeoJSON"))
        assert dialog.layer is not None and dialog.preview.rowCount() == 2  # the source is read and shown
        assert not dialog.import_button.isEnabled() and not dialog.dry_button.isEnabled()
        assert dialog.status.text() == "Open or create a programme first."
    finally:
        dialog.deleteLater()
        controller.disconnect_project()
