"""A large import runs in the background and can be cancelled from the dialog: nothing written, the bar reset."""

from __future__ import annotations

import time

from qgis.core import QgsApplication, QgsProject

from gebiedsplugin.gui.controller import ProgrammeController
from gebiedsplugin.gui.import_dialog import LARGE, ImportDialog
from tests.qgis.import_fixtures import DISTRICT_ROWS, fingerprint, write_vector


def _wait(dialog, timeout=120.0):
    deadline = time.time() + timeout
    while dialog.task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert dialog.task is None, "the import did not end in time"


def test_cancel_a_background_import(qgis_iface, empty_gpkg, tmp_path):
    rows = [({"code": "d{:05d}".format(i), "naam": "Wijk {}".format(i)}, DISTRICT_ROWS[i % 2][1])
            for i in range(LARGE + 1000)]
    source = write_vector(tmp_path / "many.gpkg", rows)
    controller = ProgrammeController(QgsProject.instance())
    controller.open(empty_gpkg)
    dialog = ImportDialog(qgis_iface, controller)
    try:
        before = fingerprint(empty_gpkg)
        dialog.file.setFilePath(source)
        dialog.set_target("districts")
        assert not dialog.cancel_button.isEnabled()
        assert dialog.run_import() is None and dialog.task is not None  # in the background
        assert dialog.cancel_button.isEnabled() and not dialog.import_button.isEnabled()
        assert dialog.progress.isVisibleTo(dialog)
        dialog.cancel_button.click()
        _wait(dialog)
        assert "cancelled" in dialog.status.text() and "nothing was written" in dialog.status.text()
        assert fingerprint(empty_gpkg) == before
        assert dialog.progress.value() == 0 and not dialog.cancel_button.isEnabled()
        assert dialog.import_button.isEnabled()
    finally:
        dialog.deleteLater()
        QgsProject.instance().clear()


def test_cancelled_copy_writes_nothing(provider, sample_master, tmp_path):
    """copy_programme cancelled (Processing's Cancel) stops before the target exists, and says so."""
    import processing
    import pytest
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    master, _ = sample_master
    target = tmp_path / "copy.gpkg"
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="cancelled; nothing was written"):
        processing.run("gebiedsplugin:copy_programme", {"INPUT": str(master), "OUTPUT": str(target)},
                       feedback=feedback)
    assert not target.exists()
